-- ticket: tickets, their messages, attachments, tags and timeline
-- ticket, message and attachment ids are handed out by the application (SequenceIds) in blocks of 50
create sequence ticket_seq start with 1 increment by 50;
create sequence ticket_message_seq start with 1 increment by 50;
create sequence ticket_attachment_seq start with 1 increment by 50;
create sequence ticket_activity_seq start with 1 increment by 50;

create table ticket (
    id                       bigint primary key,
    subject                  varchar(250) not null,
    status                   varchar(10)  not null,
    priority                 varchar(10)  not null,
    channel                  varchar(10)  not null,
    requester_id             bigint not null references customer (id),
    assignee_id              bigint references app_user (id),
    group_id                 bigint references agent_group (id),
    created_at               timestamp with time zone not null,
    updated_at               timestamp with time zone not null,
    first_reply_at           timestamp with time zone,
    last_customer_message_at timestamp with time zone,
    last_agent_reply_at      timestamp with time zone,
    solved_at                timestamp with time zone,
    closed_at                timestamp with time zone,
    reopened_count           integer not null,
    merged_into_id           bigint references ticket (id),
    version                  bigint not null,
    constraint ticket_status_ck check (status in ('NEW', 'OPEN', 'PENDING', 'ON_HOLD', 'SOLVED', 'CLOSED')),
    constraint ticket_priority_ck check (priority in ('LOW', 'NORMAL', 'HIGH', 'URGENT'))
);
-- the inbox: newest activity first, overall and per status; per assignee, requester and group
create index ticket_updated_ix on ticket (updated_at, id);
create index ticket_status_updated_ix on ticket (status, updated_at, id);
create index ticket_assignee_ix on ticket (assignee_id, status, updated_at);
create index ticket_requester_ix on ticket (requester_id, updated_at);
create index ticket_group_ix on ticket (group_id, status, updated_at);

create table ticket_tag (
    ticket_id bigint not null references ticket (id) on delete cascade,
    tag       varchar(50) not null,
    primary key (ticket_id, tag)
);
create index ticket_tag_tag_ix on ticket_tag (tag, ticket_id);

create table ticket_message (
    id                 bigint primary key,
    ticket_id          bigint not null references ticket (id),
    author_type        varchar(10) not null,
    author_user_id     bigint references app_user (id),
    author_customer_id bigint references customer (id),
    is_internal        boolean not null,
    channel            varchar(10) not null,
    body_text          varchar(1000000) not null,
    body_html          varchar(1000000) not null,
    created_at         timestamp with time zone not null
);
create index ticket_message_ticket_ix on ticket_message (ticket_id, created_at);

create table ticket_attachment (
    id           bigint primary key,
    message_id   bigint not null references ticket_message (id),
    ticket_id    bigint not null references ticket (id),
    file_name    varchar(255) not null,
    content_type varchar(255) not null,
    size_bytes   bigint not null,
    sha256       varchar(64) not null,
    storage_key  varchar(100) not null,
    created_at   timestamp with time zone not null
);
create index ticket_attachment_message_ix on ticket_attachment (message_id);
create index ticket_attachment_ticket_ix on ticket_attachment (ticket_id);

create table ticket_activity (
    id          bigint primary key,
    event_id    uuid not null,
    ticket_id   bigint not null references ticket (id),
    kind        varchar(30) not null,
    detail      varchar(300),
    occurred_at timestamp with time zone not null,
    constraint ticket_activity_event_uk unique (event_id)
);
create index ticket_activity_ticket_ix on ticket_activity (ticket_id, occurred_at);
