-- channel.email: the outbox of mail to customers (agents' replies, acknowledgements), sent by a
-- scheduled task with retries; and per ticket, the desk address and mail a reply answers.
create sequence channel_email_outbox_seq start with 1 increment by 50;

create table channel_email_outbox (
    id              bigint primary key,
    ticket_id       bigint not null,
    message_id      bigint,
    kind            varchar(20) not null,
    to_address      varchar(320) not null,
    from_address    varchar(400) not null,
    subject         varchar(1000) not null,
    mail_message_id varchar(250) not null,
    in_reply_to     varchar(1000),
    mail_references varchar(4000),
    body_text       varchar(1000000) not null,
    body_html       varchar(1000000),
    attachment_ids  varchar(2000),
    status          varchar(10) not null,
    attempts        integer not null,
    next_attempt_at timestamp with time zone not null,
    last_error      varchar(500),
    created_at      timestamp with time zone not null,
    sent_at         timestamp with time zone,
    -- An event delivered twice queues one mail.
    constraint channel_email_outbox_message_kind_uk unique (message_id, kind)
);
create index channel_email_outbox_due_ix on channel_email_outbox (status, next_attempt_at);
create index channel_email_outbox_recipient_ix on channel_email_outbox (to_address, kind, created_at);

create table channel_email_thread (
    ticket_id        bigint primary key,
    reply_from       varchar(400),
    last_message_id  varchar(1000),
    references_chain varchar(4000),
    updated_at       timestamp with time zone not null
);
