-- channel.email: the IMAP mailboxes the desk polls. The password is kept sealed (AES-GCM); a node
-- polls a mailbox only after taking its lease (polling_until), so one node at a time polls it.
create sequence channel_email_mailbox_seq start with 1 increment by 50;

create table channel_email_mailbox (
    id                    bigint primary key,
    name                  varchar(100) not null,
    host                  varchar(255) not null,
    port                  integer not null,
    tls                   boolean not null,
    username              varchar(320) not null,
    password_sealed       varchar(2000) not null,
    folder                varchar(200) not null,
    processed_folder      varchar(200),
    address               varchar(320) not null,
    group_id              bigint,
    poll_interval_seconds integer not null,
    enabled               boolean not null,
    next_poll_at          timestamp with time zone not null,
    polling_until         timestamp with time zone,
    -- when IMAP IDLE last said new mail arrived: a ring during a poll makes the next one come at once
    rung_at               timestamp with time zone,
    last_poll_at          timestamp with time zone,
    last_error            varchar(1000),
    created_at            timestamp with time zone not null,
    updated_at            timestamp with time zone not null
);
create index channel_email_mailbox_due_ix on channel_email_mailbox (enabled, next_poll_at);
