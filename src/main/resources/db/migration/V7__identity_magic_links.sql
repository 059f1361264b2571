-- identity: one-time sign-in links for portal customers. Only a SHA-256 hash of each token is kept.
create sequence magic_link_seq start with 1 increment by 50;

create table magic_link (
    id         bigint primary key,
    user_id    bigint not null references app_user (id),
    token_hash varchar(64) not null,
    created_at timestamp with time zone not null,
    expires_at timestamp with time zone not null,
    used_at    timestamp with time zone,
    constraint magic_link_hash_uk unique (token_hash)
);
create index magic_link_expires_ix on magic_link (expires_at);
