-- bot: questions it handed to a person, the variants the desk's answers suggest, and examples of what it must not answer
create sequence bot_handoff_seq start with 1 increment by 50;
create sequence bot_proposal_seq start with 1 increment by 50;
create sequence bot_out_of_scope_seq start with 1 increment by 50;

create table bot_handoff (
    id         bigint primary key,
    ticket_id  bigint,
    locale     varchar(5)    not null,
    question   varchar(1000) not null,
    created_at timestamp with time zone not null
);
create index bot_handoff_ticket_ix on bot_handoff (ticket_id);

-- "this handed-off question was answered with FAQ entry X": a new way of asking X, once a supervisor agrees
create table bot_proposal (
    id         bigint primary key,
    faq_id     varchar(80)   not null,
    locale     varchar(5)    not null,
    question   varchar(1000) not null,
    ticket_id  bigint,
    status     varchar(10)   not null,
    created_at timestamp with time zone not null,
    decided_at timestamp with time zone,
    decided_by varchar(200),
    constraint bot_proposal_uk unique (faq_id, locale, question)
);
create index bot_proposal_status_ix on bot_proposal (status, created_at);

create table bot_out_of_scope (
    id         bigint primary key,
    locale     varchar(5)    not null,
    text       varchar(1000) not null,
    created_at timestamp with time zone not null
);
