-- identity: users, agent groups, API tokens, audit log
create sequence app_user_seq start with 1 increment by 50;
create sequence agent_group_seq start with 1 increment by 50;
create sequence api_token_seq start with 1 increment by 50;
create sequence audit_entry_seq start with 1 increment by 50;

create table app_user (
    id            bigint primary key,
    email         varchar(254) not null,
    display_name  varchar(200) not null,
    password_hash varchar(255),
    role          varchar(20)  not null,
    locale        varchar(5)   not null,
    active        boolean      not null,
    created_at    timestamp with time zone not null,
    updated_at    timestamp with time zone not null,
    version       bigint not null,
    constraint app_user_email_uk unique (email),
    constraint app_user_role_ck check (role in ('ADMIN', 'SUPERVISOR', 'AGENT', 'CUSTOMER'))
);
create index app_user_role_ix on app_user (role);

create table agent_group (
    id          bigint primary key,
    name        varchar(100) not null,
    description varchar(1000),
    created_at  timestamp with time zone not null,
    version     bigint not null,
    constraint agent_group_name_uk unique (name)
);

create table agent_group_member (
    group_id bigint not null references agent_group (id) on delete cascade,
    user_id  bigint not null references app_user (id),
    primary key (group_id, user_id)
);

create table api_token (
    id           bigint primary key,
    user_id      bigint not null references app_user (id),
    name         varchar(100) not null,
    token_hash   varchar(64)  not null,
    token_hint   varchar(8)   not null,
    created_at   timestamp with time zone not null,
    last_used_at timestamp with time zone,
    revoked_at   timestamp with time zone,
    constraint api_token_hash_uk unique (token_hash)
);

create table audit_entry (
    id             bigint primary key,
    occurred_at    timestamp with time zone not null,
    actor_user_id  bigint,
    actor          varchar(254) not null,
    action         varchar(100) not null,
    target         varchar(300),
    details        varchar(2000),
    remote_address varchar(100)
);
create index audit_entry_occurred_ix on audit_entry (occurred_at);
create index audit_entry_action_ix on audit_entry (action, occurred_at);
