-- sla: service standards (measurable promises with a floor), the published charter of them, and the
-- milestones a company records against tickets for its standards to measure.
create sequence sla_standard_seq start with 101 increment by 50;

create table sla_standard (
    id                bigint primary key,
    name              varchar(120)  not null,
    description       varchar(1000) not null,
    measure           varchar(20)   not null,
    milestone         varchar(60),
    start_milestone   varchar(60),
    threshold_seconds bigint        not null,
    business_time     boolean       not null,
    calendar_id       bigint,
    channels          varchar(200)  not null,
    priorities        varchar(100)  not null,
    floor_percent     numeric(4,1)  not null,
    active            boolean       not null,
    created_at        timestamp with time zone not null,
    updated_at        timestamp with time zone not null,
    version           bigint        not null,
    constraint sla_standard_name_uk unique (name)
);

-- Out of the box: chats answered within 2 minutes around the clock, e-mails first answered within 8
-- business hours of the default calendar, deliveries within 3 days of the request, and requests
-- solved within 3 business days (27 business hours of the default 09:00-18:00 day).
insert into sla_standard (id, name, description, measure, milestone, start_milestone, threshold_seconds, business_time,
                          calendar_id, channels, priorities, floor_percent, active, created_at, updated_at, version) values
 (1, 'Chat risposte entro 2 minuti',
  'Chi chiede di parlare con una persona in chat riceve risposta da un operatore in pochi minuti.',
  'CHAT_ANSWERED', null, null, 120, false, null, 'chat', '', 90.0, true, current_timestamp, current_timestamp, 0),
 (2, 'Prima risposta e-mail entro 8 ore lavorative',
  'Ogni e-mail riceve una prima risposta da una persona entro una giornata lavorativa.',
  'FIRST_RESPONSE', null, null, 28800, true, null, 'email', '', 95.0, true, current_timestamp, current_timestamp, 0),
 (3, 'Consegne entro 3 giorni',
  'La merce arriva entro 3 giorni dalla richiesta; chi la consegna registra il traguardo «consegna» sul ticket.',
  'MILESTONE', 'consegna', null, 259200, false, null, '', '', 90.0, true, current_timestamp, current_timestamp, 0),
 (4, 'Risoluzione entro 3 giorni lavorativi',
  'Ogni richiesta è risolta entro tre giornate lavorative (27 ore lavorative).',
  'RESOLUTION', null, null, 97200, true, null, '', '', 85.0, true, current_timestamp, current_timestamp, 0);

-- A published version of the active standards, numbered 1, 2, ...; written once, never changed.
create table sla_standard_charter (
    id              bigint primary key,
    published_at    timestamp with time zone not null,
    published_by_id bigint,
    published_by    varchar(200) not null,
    standards       text         not null
);

create sequence sla_milestone_seq start with 1 increment by 50;

-- One row per ticket and milestone name: the first record stands (recording again changes nothing).
create table sla_milestone (
    id             bigint primary key,
    ticket_id      bigint       not null,
    name           varchar(60)  not null,
    reached_at     timestamp with time zone not null,
    note           varchar(500),
    recorded_by_id bigint,
    recorded_at    timestamp with time zone not null,
    constraint sla_milestone_ticket_name_uk unique (ticket_id, name)
);
create index sla_milestone_name_ix on sla_milestone (name, reached_at);

-- Compliance reports read the tickets opened in a period.
create index ticket_created_ix on ticket (created_at);
