package it.sportello.sla.web;

import it.sportello.sla.BusinessCalendar.Period;
import it.sportello.sla.CalendarDefinition;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A calendar as a client sends it; {@code version} guards an update. */
record SlaCalendarRequest(
        String name,
        String zone,
        Map<DayOfWeek, List<Period>> week,
        Boolean italianHolidays,
        Set<LocalDate> closedDays,
        Map<LocalDate, List<Period>> specialDays,
        Long version) {

    CalendarDefinition definition() {
        return new CalendarDefinition(
                zone == null ? null : zone.trim(),
                week,
                italianHolidays == null || italianHolidays,
                closedDays,
                specialDays);
    }
}
