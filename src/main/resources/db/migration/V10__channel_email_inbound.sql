-- Raw inbound e-mail, recorded before it is processed: one row per message per route, so a
-- message delivered twice is recognised, and one that failed stays visible and can be replayed.
create sequence email_intake_seq start with 1 increment by 50;

create table email_intake (
    id              bigint primary key,
    route_key       varchar(100) not null,
    message_id      varchar(1000),
    dedupe_key      varchar(1000) not null,
    raw_path        varchar(500) not null,
    size_bytes      bigint not null,
    sha256          varchar(64) not null,
    status          varchar(10) not null,
    failure_reason  varchar(2000),
    ticket_id       bigint references ticket (id),
    ticket_message_id bigint references ticket_message (id),
    automatic       boolean not null default false,
    received_at     timestamp with time zone not null,
    processed_at    timestamp with time zone,
    constraint email_intake_status_ck check (status in ('RECEIVED', 'PROCESSED', 'FAILED', 'IGNORED')),
    constraint email_intake_dedupe_uq unique (route_key, dedupe_key)
);
-- The recovery task looks for rows left RECEIVED; admins list FAILED ones.
create index email_intake_status_ix on email_intake (status, received_at);

-- Addresses a delivery-status report said cannot receive mail: senders of outgoing mail look here.
create table email_failing_address (
    address     varchar(320) primary key,
    reason      varchar(2000) not null,
    intake_id   bigint not null references email_intake (id),
    failed_at   timestamp with time zone not null
);
