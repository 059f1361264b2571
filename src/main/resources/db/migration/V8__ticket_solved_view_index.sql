-- ticket: the "solved" inbox view (solved in the last week) counts and pages from an index;
-- without it the view count, polled by every open inbox, read the whole ticket table
create index ticket_status_solved_ix on ticket (status, solved_at, id);
