-- ticket: the earliest instant one of its service-level clocks falls due (set by the sla module);
-- queues and the inbox order unassigned work by it, most urgent first, tickets without a clock last
alter table ticket add column sla_due_at timestamp with time zone;
create index ticket_sla_due_ix on ticket (status, sla_due_at, id);
