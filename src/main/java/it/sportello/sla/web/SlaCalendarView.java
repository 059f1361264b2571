package it.sportello.sla.web;

import it.sportello.sla.BusinessCalendar.Period;
import it.sportello.sla.ServiceCalendar;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** A business calendar as the API shows it: periods per weekday (a day missing is closed), holidays, special days. */
record SlaCalendarView(
        long id,
        String name,
        boolean isDefault,
        String zone,
        Map<DayOfWeek, List<Period>> week,
        boolean italianHolidays,
        Set<LocalDate> closedDays,
        Map<LocalDate, List<Period>> specialDays,
        Instant updatedAt,
        long version) {

    static SlaCalendarView of(ServiceCalendar c) {
        var d = c.definition();
        return new SlaCalendarView(
                c.id().value(),
                c.name(),
                c.isDefault(),
                d.zone(),
                new TreeMap<>(d.week()),
                d.italianHolidays(),
                new TreeSet<>(d.closedDays()),
                new TreeMap<>(d.specialDays()),
                c.updatedAt(),
                c.version());
    }
}
