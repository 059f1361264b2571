-- automation: triggers on ticket events, time rules, macros and acknowledgement templates.
-- Conditions and actions are JSON documents: read and written whole with their rule, never queried.
create sequence automation_seq start with 101 increment by 50;

create table automation_trigger (
    id          bigint primary key,
    name        varchar(200) not null,
    event       varchar(40)  not null,
    position    integer      not null,
    active      boolean      not null,
    match_any   boolean      not null,
    conditions  text         not null,
    actions     text         not null,
    created_at  timestamp with time zone not null,
    updated_at  timestamp with time zone not null,
    version     bigint       not null
);

-- One row per rule that acted on a ticket in one chain of events: a re-delivered event, and a change
-- a rule made itself, find the row and do nothing again (see TriggerRunner).
create table automation_firing (
    rule_key    varchar(60)  not null,
    ticket_id   bigint       not null,
    chain       varchar(200) not null,
    outcome     varchar(20)  not null,
    detail      varchar(500),
    fired_at    timestamp with time zone not null,
    constraint automation_firing_pk primary key (rule_key, ticket_id, chain)
);
create index automation_firing_ticket_ix on automation_firing (ticket_id);

-- The ticket changes automations made, by the instant the change carries: the events of that change
-- belong to the chain that caused it, one level deeper.
create table automation_echo (
    ticket_id   bigint       not null,
    occurred_at timestamp with time zone not null,
    chain       varchar(200) not null,
    depth       integer      not null,
    constraint automation_echo_pk primary key (ticket_id, occurred_at)
);

-- When each ticket entered its current status (time rules measure "pending for 5 days" from it).
create table automation_status_entry (
    ticket_id   bigint       primary key,
    status      varchar(20)  not null,
    entered_at  timestamp with time zone not null
);

create table automation_time_rule (
    id             bigint primary key,
    name           varchar(200) not null,
    active         boolean      not null,
    measure        varchar(30)  not null,
    status         varchar(20),
    after_hours    integer      not null,
    business_hours boolean      not null,
    calendar_id    bigint,
    match_any      boolean      not null,
    conditions     text         not null,
    actions        text         not null,
    created_at     timestamp with time zone not null,
    updated_at     timestamp with time zone not null,
    version        bigint       not null
);

create table automation_macro (
    id          bigint primary key,
    name        varchar(200) not null,
    active      boolean      not null,
    group_id    bigint,
    reply_it    text,
    reply_en    text,
    actions     text         not null,
    created_at  timestamp with time zone not null,
    updated_at  timestamp with time zone not null,
    version     bigint       not null
);

create table automation_acknowledgement (
    channel     varchar(20)  primary key,
    active      boolean      not null,
    subject_it  varchar(300) not null,
    body_it     text         not null,
    subject_en  varchar(300) not null,
    body_en     text         not null,
    updated_at  timestamp with time zone not null,
    version     bigint       not null
);

insert into automation_acknowledgement (channel, active, subject_it, body_it, subject_en, body_en, updated_at, version) values
 ('email', true,
  'Abbiamo ricevuto la tua richiesta: {{ticket.subject}} [#{{ticket.number}}]',
  'Ciao {{customer.name}},

abbiamo ricevuto la tua richiesta «{{ticket.subject}}» e le abbiamo assegnato il numero di riferimento #{{ticket.number}}.
Ti risponderemo {{promise}}.

Se vuoi aggiungere qualcosa, rispondi a questa e-mail lasciando [#{{ticket.number}}] nell''oggetto: il messaggio si unirà alla stessa richiesta.

Questo è un messaggio automatico.
Il servizio clienti',
  'We have received your request: {{ticket.subject}} [#{{ticket.number}}]',
  'Hello {{customer.name}},

we have received your request "{{ticket.subject}}" and given it the reference number #{{ticket.number}}.
We will answer {{promise}}.

To add anything, reply to this e-mail and keep [#{{ticket.number}}] in the subject: your message will join the same request.

This is an automatic message.
Customer service',
  current_timestamp, 0),
 ('web', true,
  'Abbiamo ricevuto la tua richiesta: {{ticket.subject}} [#{{ticket.number}}]',
  'Ciao {{customer.name}},

abbiamo ricevuto la tua richiesta «{{ticket.subject}}» e le abbiamo assegnato il numero di riferimento #{{ticket.number}}.
Ti risponderemo {{promise}}.

Il servizio clienti',
  'We have received your request: {{ticket.subject}} [#{{ticket.number}}]',
  'Hello {{customer.name}},

we have received your request "{{ticket.subject}}" and given it the reference number #{{ticket.number}}.
We will answer {{promise}}.

Customer service',
  current_timestamp, 0);

-- Out of the box: a reminder to a customer who has not answered for 5 days, and closing after 10.
insert into automation_time_rule (id, name, active, measure, status, after_hours, business_hours, calendar_id,
                                  match_any, conditions, actions, created_at, updated_at, version) values
 (1, 'Promemoria: in attesa da 5 giorni', true, 'in_status', 'pending', 120, false, null, false, '[]',
  '[{"type":"reply","textIt":"Ciao {{customer.name}},\n\nti scriviamo perché la tua richiesta «{{ticket.subject}}» (n. {{ticket.number}}) aspetta ancora una tua risposta. Se ti serve altro, rispondi pure a questo messaggio; altrimenti la chiuderemo tra qualche giorno.","textEn":"Hello {{customer.name}},\n\nyour request \"{{ticket.subject}}\" (no. {{ticket.number}}) is still waiting for your answer. If you need anything else, just reply to this message; otherwise we will close it in a few days."}]',
  current_timestamp, current_timestamp, 0),
 (2, 'Chiusura: in attesa da 10 giorni', true, 'in_status', 'pending', 240, false, null, false, '[]',
  '[{"type":"add_note","value":"Risolto automaticamente: nessuna risposta del cliente da 10 giorni."},{"type":"set_status","value":"solved"}]',
  current_timestamp, current_timestamp, 0);

-- Out of the box: the ready replies of the chat workspace, and a macro that asks for details.
insert into automation_macro (id, name, active, group_id, reply_it, reply_en, actions, created_at, updated_at, version) values
 (1, 'Saluto', true, null,
  'Buongiorno, sono qui per aiutarla. Mi dà un momento per verificare?',
  'Hello, I''m here to help. May I have a moment to check?', '[]', current_timestamp, current_timestamp, 0),
 (2, 'Verifica in corso', true, null,
  'Sto controllando, un attimo di pazienza.',
  'I''m checking, one moment please.', '[]', current_timestamp, current_timestamp, 0),
 (3, 'Congedo', true, null,
  'Grazie per averci contattato. Buona giornata!',
  'Thank you for contacting us. Have a nice day!', '[]', current_timestamp, current_timestamp, 0),
 (4, 'Richiesta di dettagli', true, null,
  'Ciao {{customer.name}},

per aiutarti con «{{ticket.subject}}» ci serve ancora qualche dettaglio: il numero d''ordine e, se puoi, una foto del problema.

Grazie!',
  'Hello {{customer.name}},

to help you with "{{ticket.subject}}" we need a few more details: the order number and, if you can, a photo of the problem.

Thank you!',
  '[{"type":"set_status","value":"pending"},{"type":"add_tags","value":"in-attesa-dettagli"}]',
  current_timestamp, current_timestamp, 0);
