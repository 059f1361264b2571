-- One ticket intake as PostgreSQL sees it (what POST /api/v1/tickets sends for a new customer):
-- the database-only ceiling for IntakeBenchmark. On a schema seeded by TicketListBenchmark:
--   psql -h 127.0.0.1 -U postgres -d test -c 'create sequence if not exists sportello_bench.pgb_seq'
--   (it adds rows: rerun TicketListBenchmark with -Dbench.reseed=true afterwards for a clean 1,000,000)
--   pgbench -h 127.0.0.1 -U postgres -n -c 8 -j 2 -T 15 -f src/test/resources/benchmark/pgbench-intake.sql test
-- and compare with pgbench-raw.sql in the same run.
BEGIN;
SELECT nextval('sportello_bench.pgb_seq') AS n \gset
SELECT c.id FROM sportello_bench.customer c WHERE c.id = (SELECT i.customer_id FROM sportello_bench.customer_identity i WHERE i.kind = 'EMAIL' AND i.address = 'pgb' || :n || '@example.it');
INSERT INTO sportello_bench.customer (id, name, organisation_id, locale, journey_stage, user_id, created_at, updated_at, version) VALUES (100000000 + :n, 'Cliente', null, 'IT', 'AWARENESS', null, now(), now(), 0);
INSERT INTO sportello_bench.customer_identity (id, customer_id, kind, address, created_at) VALUES (100000000 + :n, 100000000 + :n, 'EMAIL', 'pgb' || :n || '@example.it', now());
INSERT INTO sportello_bench.ticket (id, subject, status, priority, channel, requester_id, assignee_id, group_id, created_at, updated_at, first_reply_at, last_customer_message_at, last_agent_reply_at, solved_at, closed_at, reopened_count, merged_into_id, version) VALUES (100000000 + :n, 'Ordine non arrivato', 'NEW', 'NORMAL', 'WEB', 100000000 + :n, null, null, now(), now(), null, now(), null, null, null, 0, null, 0);
INSERT INTO sportello_bench.ticket_message (id, ticket_id, author_type, author_user_id, author_customer_id, is_internal, channel, body_text, body_html, created_at) VALUES (100000000 + :n, 100000000 + :n, 'CUSTOMER', null, 100000000 + :n, false, 'WEB', 'Buongiorno, ho ordinato e non ho ricevuto nulla.', '<p>Buongiorno, ho ordinato e non ho ricevuto nulla.</p>', now());
COMMIT;
