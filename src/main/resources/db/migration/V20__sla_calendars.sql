-- sla: stored business calendars (opening hours per weekday, holidays, a company's own days), one the default
create sequence sla_calendar_seq start with 101 increment by 50;

create table sla_calendar (
    id          bigint primary key,
    name        varchar(100) not null,
    definition  text         not null,
    is_default  boolean      not null,
    created_at  timestamp with time zone not null,
    updated_at  timestamp with time zone not null,
    version     bigint       not null,
    constraint sla_calendar_name_uk unique (name)
);

-- Out of the box: office hours Monday to Friday 09:00-18:00 in Rome, closed on the Italian holidays
-- (the default), and around the clock for channels such as chat that promise minutes, not hours.
insert into sla_calendar (id, name, definition, is_default, created_at, updated_at, version) values
 (1, 'Orario d''ufficio',
  '{"zone":"Europe/Rome","week":{"MONDAY":[{"from":"09:00","to":"18:00"}],"TUESDAY":[{"from":"09:00","to":"18:00"}],"WEDNESDAY":[{"from":"09:00","to":"18:00"}],"THURSDAY":[{"from":"09:00","to":"18:00"}],"FRIDAY":[{"from":"09:00","to":"18:00"}]},"italianHolidays":true,"closedDays":[],"specialDays":{}}',
  true, current_timestamp, current_timestamp, 0),
 (2, 'Sempre aperto',
  '{"zone":"Europe/Rome","week":{"MONDAY":[{"from":"00:00","to":null}],"TUESDAY":[{"from":"00:00","to":null}],"WEDNESDAY":[{"from":"00:00","to":null}],"THURSDAY":[{"from":"00:00","to":null}],"FRIDAY":[{"from":"00:00","to":null}],"SATURDAY":[{"from":"00:00","to":null}],"SUNDAY":[{"from":"00:00","to":null}]},"italianHolidays":false,"closedDays":[],"specialDays":{}}',
  false, current_timestamp, current_timestamp, 0);
