-- knowledge: the help center's FAQ database and articles, what readers said of them, what they searched in vain
create sequence knowledge_category_seq start with 1 increment by 50;
create sequence knowledge_faq_seq start with 1 increment by 50;
create sequence knowledge_faq_translation_seq start with 1 increment by 50;
create sequence knowledge_article_seq start with 1 increment by 50;
create sequence knowledge_feedback_seq start with 1 increment by 50;
create sequence knowledge_synonym_seq start with 1 increment by 50;

create table knowledge_category (
    id       bigint primary key,
    slug     varchar(80)  not null,
    name_it  varchar(120) not null,
    name_en  varchar(120) not null,
    position integer      not null,
    constraint knowledge_category_slug_uk unique (slug)
);

create table knowledge_faq (
    id               bigint primary key,
    faq_id           varchar(80)  not null,
    category_id      bigint references knowledge_category (id),
    tags             varchar(500) not null,
    status           varchar(12)  not null,
    visibility       varchar(12)  not null,
    owner_id         bigint,
    last_reviewed_at timestamp with time zone,
    created_at       timestamp with time zone not null,
    updated_at       timestamp with time zone not null,
    version          bigint not null,
    constraint knowledge_faq_faq_id_uk unique (faq_id)
);
create index knowledge_faq_category_ix on knowledge_faq (category_id);

create table knowledge_faq_translation (
    id          bigint primary key,
    faq_id      bigint not null references knowledge_faq (id) on delete cascade,
    locale      varchar(5) not null,
    answer_html text not null,
    answer_text text not null,
    views       bigint not null,
    constraint knowledge_faq_translation_uk unique (faq_id, locale)
);

-- the ways customers ask an entry's question, in order: the first is the entry's title
create table knowledge_faq_question (
    translation_id bigint  not null references knowledge_faq_translation (id) on delete cascade,
    position       integer not null,
    text           varchar(1000) not null,
    primary key (translation_id, position)
);

-- every saved version of an entry, as it was (JSON), for the history and for going back
create table knowledge_faq_revision (
    faq_id    bigint not null references knowledge_faq (id) on delete cascade,
    version   bigint not null,
    edited_by varchar(200) not null,
    edited_at timestamp with time zone not null,
    snapshot  text not null,
    primary key (faq_id, version)
);

create table knowledge_article (
    id              bigint primary key,
    slug            varchar(160) not null,
    locale          varchar(5)   not null,
    translation_key varchar(40)  not null,
    title           varchar(300) not null,
    body_html       text not null,
    body_text       text not null,
    category_id     bigint references knowledge_category (id),
    status          varchar(12) not null,
    visibility      varchar(12) not null,
    owner_id        bigint,
    views           bigint not null,
    created_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null,
    version         bigint not null,
    constraint knowledge_article_slug_uk unique (locale, slug),
    constraint knowledge_article_translation_uk unique (translation_key, locale)
);

-- "Was this helpful?" answers under FAQ entries and articles
create table knowledge_feedback (
    id          bigint primary key,
    target_kind varchar(10) not null,
    target_id   bigint      not null,
    locale      varchar(5)  not null,
    helpful     boolean     not null,
    comment     varchar(2000),
    created_at  timestamp with time zone not null
);
create index knowledge_feedback_target_ix on knowledge_feedback (target_kind, target_id, created_at);
create index knowledge_feedback_created_ix on knowledge_feedback (created_at);

-- searches that found nothing: what the FAQ database is missing
create table knowledge_search_miss (
    locale            varchar(5)   not null,
    query             varchar(200) not null,
    times             bigint       not null,
    last_searched_at  timestamp with time zone not null,
    primary key (locale, query)
);

-- words the admin declares equivalent per language ("reso, restituzione, rimborso")
create table knowledge_synonym (
    id     bigint primary key,
    locale varchar(5)   not null,
    terms  varchar(500) not null
);

-- a suggestion opened from the contact form; never followed by a submission, it is a deflected request
create table knowledge_deflection (
    token        varchar(40) primary key,
    faq_id       bigint not null references knowledge_faq (id) on delete cascade,
    opened_at    timestamp with time zone not null,
    submitted_at timestamp with time zone
);
create index knowledge_deflection_opened_ix on knowledge_deflection (opened_at);

-- the FAQ database's revision: one more at every change, so a learner (the bot) knows what it learned from
create table knowledge_state (
    id           integer primary key,
    faq_revision bigint not null
);
insert into knowledge_state (id, faq_revision) values (1, 0);
