-- The raw single-row autocommit insert rate (the IntakeBenchmark baseline) for pgbench; first:
--   psql -h 127.0.0.1 -U postgres -d test -c 'create table if not exists sportello_bench.pgb_raw (id bigint primary key, subject varchar(250), status varchar(10), created_at timestamptz)'
INSERT INTO sportello_bench.pgb_raw (id, subject, status, created_at) VALUES (nextval('sportello_bench.pgb_seq') + 900000000, 'Ordine non arrivato', 'NEW', now());
