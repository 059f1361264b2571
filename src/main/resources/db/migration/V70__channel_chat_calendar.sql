-- channel.chat: the chat may take its hours from a business calendar of the sla module (holidays
-- included) instead of its own weekly hours; null keeps the weekly hours
alter table chat_settings add column calendar_id bigint references sla_calendar (id);
