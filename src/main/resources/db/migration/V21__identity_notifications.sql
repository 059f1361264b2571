-- identity: notices for one person of the desk (an SLA warning, an escalation, an automation's "notify")
create sequence notification_seq start with 1 increment by 50;

create table notification (
    id           bigint primary key,
    recipient_id bigint        not null references app_user (id),
    message_key  varchar(120)  not null,
    arguments    varchar(2000) not null,
    link         varchar(500),
    created_at   timestamp with time zone not null,
    read_at      timestamp with time zone
);
create index notification_recipient_ix on notification (recipient_id, read_at, created_at);
