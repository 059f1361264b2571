-- routing: the skill catalogue, each group's strategy and required skills, each agent's skills,
-- availability per channel and capacity. Keyed by the identity module's group and user ids.
create sequence routing_skill_seq start with 101 increment by 50;

create table routing_skill (
    id         bigint primary key,
    kind       varchar(20)  not null,
    code       varchar(50)  not null,
    name       varchar(100) not null,
    created_at timestamp with time zone not null,
    version    bigint       not null,
    constraint routing_skill_uk unique (kind, code)
);

-- Out of the box: the languages Sportello speaks and the channels people work on; products are the company's own.
insert into routing_skill (id, kind, code, name, created_at, version) values
 (1, 'LANGUAGE', 'it', 'Italiano', current_timestamp, 0),
 (2, 'LANGUAGE', 'en', 'English', current_timestamp, 0),
 (3, 'CHANNEL', 'email', 'E-mail', current_timestamp, 0),
 (4, 'CHANNEL', 'web', 'Sito web', current_timestamp, 0),
 (5, 'CHANNEL', 'phone', 'Telefono', current_timestamp, 0),
 (6, 'CHANNEL', 'chat', 'Chat', current_timestamp, 0);

create table routing_group (
    group_id         bigint primary key references agent_group (id),
    strategy         varchar(20) not null,
    last_assignee_id bigint,
    updated_at       timestamp with time zone not null,
    version          bigint      not null
);

create table routing_group_skill (
    group_id bigint not null references routing_group (group_id) on delete cascade,
    skill_id bigint not null references routing_skill (id) on delete cascade,
    primary key (group_id, skill_id)
);

create table routing_agent (
    user_id          bigint primary key references app_user (id),
    capacity         integer not null,
    last_assigned_at timestamp with time zone,
    updated_at       timestamp with time zone not null,
    version          bigint  not null
);

create table routing_agent_skill (
    user_id  bigint  not null references routing_agent (user_id) on delete cascade,
    skill_id bigint  not null references routing_skill (id) on delete cascade,
    level    integer not null,
    primary key (user_id, skill_id)
);

create table routing_agent_channel (
    user_id bigint      not null references routing_agent (user_id) on delete cascade,
    channel varchar(20) not null,
    primary key (user_id, channel)
);
