-- customer: organisations, customers and their addresses per channel
create sequence organisation_seq start with 1 increment by 50;
create sequence customer_seq start with 1 increment by 50;
create sequence customer_identity_seq start with 1 increment by 50;

create table organisation (
    id         bigint primary key,
    name       varchar(200) not null,
    created_at timestamp with time zone not null,
    constraint organisation_name_uk unique (name)
);

create table customer (
    id              bigint primary key,
    name            varchar(200) not null,
    organisation_id bigint references organisation (id),
    locale          varchar(5)  not null,
    journey_stage   varchar(20) not null,
    user_id         bigint,
    created_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null,
    version         bigint not null,
    constraint customer_user_uk unique (user_id)
);
create index customer_organisation_ix on customer (organisation_id);

create table customer_identity (
    id          bigint primary key,
    customer_id bigint not null references customer (id) on delete cascade,
    kind        varchar(10)  not null,
    address     varchar(320) not null,
    created_at  timestamp with time zone not null,
    constraint customer_identity_uk unique (kind, address)
);
create index customer_identity_customer_ix on customer_identity (customer_id);
