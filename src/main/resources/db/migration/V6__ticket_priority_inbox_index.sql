-- ticket: the inbox filtered by priority ("urgent open tickets") counts and pages from an index
create index ticket_priority_ix on ticket (priority, status, updated_at, id);
