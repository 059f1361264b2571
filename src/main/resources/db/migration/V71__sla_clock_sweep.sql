-- The SLA sweep looks up running clocks whose warning or breach has come, instead of one
-- scheduler timer per clock and moment: these indexes keep its two queries to the clocks still
-- owing one (given warnings and breaches lie outside the range scanned).
create index sla_clock_warning_due_ix on sla_clock (state, warned, warn_at);
create index sla_clock_breach_due_ix on sla_clock (state, breached_in_cycle, due_at);

-- The per-clock timers the sweep replaces: their moments are on the clocks themselves.
delete from scheduled_tasks where task_name in ('sla-warning', 'sla-breach');
