-- Where the quoted history (or signature) of a received message begins, as a character offset into
-- body_text; null when the message repeats nothing. Display folds it away; the body stays whole.
alter table ticket_message add column quoted_from integer;
