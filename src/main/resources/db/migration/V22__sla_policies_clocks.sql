-- sla: service-level policies (ordered, the first that matches a ticket applies, a catch-all last),
-- each ticket's policy and its clocks (first response, next response, resolution)
create sequence sla_policy_seq start with 101 increment by 50;

create table sla_policy (
    id          bigint primary key,
    name        varchar(100) not null,
    position    integer      not null,
    catch_all   boolean      not null,
    rules       text         not null,
    created_at  timestamp with time zone not null,
    updated_at  timestamp with time zone not null,
    version     bigint       not null,
    constraint sla_policy_name_uk unique (name)
);

-- Out of the box. Chat: first and next response within 2 minutes around the clock (calendar 2).
-- Standard (the catch-all: e-mail, web and everything else): first response within 8 business hours
-- and resolution within 3 business days, counted as 27 business hours (3 days of 09:00-18:00), on
-- the default calendar; the supervisors hear of a broken promise. Both pause while the ticket waits
-- on the customer (pending) or on a third party (on hold) and warn at 80 % of the time.
insert into sla_policy (id, name, position, catch_all, rules, created_at, updated_at, version) values
 (1, 'Chat', 1, false,
  '{"channels":["chat"],"priorities":[],"organisations":[],"tags":[],"calendarId":2,"firstResponseMinutes":2,"nextResponseMinutes":2,"resolutionMinutes":null,"pauseOn":["pending","on_hold"],"warningPercent":80,"escalations":[]}',
  current_timestamp, current_timestamp, 0),
 (2, 'Standard', 2, true,
  '{"channels":[],"priorities":[],"organisations":[],"tags":[],"calendarId":null,"firstResponseMinutes":480,"nextResponseMinutes":null,"resolutionMinutes":1620,"pauseOn":["pending","on_hold"],"warningPercent":80,"escalations":[{"target":"first_response","moment":"breach","action":"notify_supervisors","priority":null,"groupId":null,"agentId":null},{"target":"resolution","moment":"breach","action":"notify_supervisors","priority":null,"groupId":null,"agentId":null}]}',
  current_timestamp, current_timestamp, 0);

-- A ticket the clocks follow, with the policy chosen for it; its row is what concurrent handlers of
-- one ticket's events queue on.
create table sla_ticket (
    ticket_id    bigint primary key,
    policy_id    bigint,
    policy_name  varchar(100) not null,
    updated_at   timestamp with time zone not null,
    version      bigint not null
);

create sequence sla_clock_seq start with 1 increment by 50;

-- One clock per ticket and target. Business time used so far is kept in seconds; while it runs,
-- due_at and warn_at say when it breaches and when it warns.
create table sla_clock (
    id               bigint primary key,
    ticket_id        bigint       not null,
    target           varchar(20)  not null,
    state            varchar(10)  not null,
    calendar_id      bigint       not null,
    allowed_seconds  bigint       not null,
    warning_percent  integer      not null,
    used_seconds     bigint       not null,
    started_at       timestamp with time zone not null,
    running_since    timestamp with time zone,
    stopped_at       timestamp with time zone,
    due_at           timestamp with time zone,
    warn_at          timestamp with time zone,
    cycle            integer      not null,
    warned           boolean      not null,
    breached_in_cycle boolean     not null,
    breached         boolean      not null,
    breached_at      timestamp with time zone,
    version          bigint       not null,
    constraint sla_clock_ticket_target_uk unique (ticket_id, target)
);
create index sla_clock_running_ix on sla_clock (state, due_at);
