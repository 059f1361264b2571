-- ticket: the per-assignee and per-group inbox indexes end with the id, like the per-status one,
-- so counting a filtered inbox (the list's total) reads only the index, never the table rows
drop index ticket_assignee_ix;
create index ticket_assignee_ix on ticket (assignee_id, status, updated_at, id);
drop index ticket_group_ix;
create index ticket_group_ix on ticket (group_id, status, updated_at, id);
