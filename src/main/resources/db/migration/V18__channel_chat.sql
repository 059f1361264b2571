-- channel.chat: live conversations (each also a ticket), their numbered lines, agents' availability, the widget's settings
create sequence chat_seq start with 1 increment by 50;

create table chat (
    id                 bigint primary key,
    visitor_token_hash varchar(64)  not null,
    ticket_id          bigint,
    customer_id        bigint,
    visitor_name       varchar(200),
    visitor_email      varchar(320),
    locale             varchar(5)   not null,
    state              varchar(10)  not null,
    agent_id           bigint,
    group_id           bigint,
    last_seq           integer      not null,
    created_at         timestamp with time zone not null,
    waiting_since      timestamp with time zone,
    accepted_at        timestamp with time zone,
    ended_at           timestamp with time zone,
    version            bigint       not null,
    constraint chat_token_uk unique (visitor_token_hash)
);
create index chat_state_ix on chat (state, waiting_since);
create index chat_agent_ix on chat (agent_id, state);
create index chat_ticket_ix on chat (ticket_id);

-- One line of a conversation, numbered per chat so a client that reconnects asks for what follows
-- the last number it showed; a client-made id makes a resent message land once.
create table chat_line (
    chat_id           bigint       not null references chat (id),
    seq               integer      not null,
    client_id         varchar(64),
    author            varchar(10)  not null,
    agent_id          bigint,
    author_name       varchar(200),
    body              text         not null,
    html              text,
    faq_id            varchar(80),
    ticket_message_id bigint,
    created_at        timestamp with time zone not null,
    primary key (chat_id, seq),
    constraint chat_line_client_uk unique (chat_id, client_id)
);
create index chat_line_message_ix on chat_line (ticket_message_id);

create table chat_agent (
    user_id    bigint primary key,
    available  boolean  not null,
    capacity   integer  not null,
    seen_at    timestamp with time zone not null
);

-- One row: how the widget looks and when the desk takes chats.
create table chat_settings (
    id                  integer primary key,
    enabled             boolean      not null,
    colour              varchar(7)   not null,
    position            varchar(5)   not null,
    greeting_it         varchar(500) not null,
    greeting_en         varchar(500) not null,
    require_contact     boolean      not null,
    open_days           varchar(30)  not null,
    open_from           varchar(5)   not null,
    open_to             varchar(5)   not null,
    version             bigint       not null
);
insert into chat_settings (id, enabled, colour, position, greeting_it, greeting_en, require_contact, open_days, open_from, open_to, version)
values (1, true, '#0b6e4f', 'right', 'Ciao! Sono l''assistente virtuale. Come posso aiutarti?',
        'Hi! I''m the virtual assistant. How can I help?', false, 'MON,TUE,WED,THU,FRI,SAT,SUN', '00:00', '24:00', 0);
