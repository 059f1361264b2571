package it.sportello.sla;

import it.sportello.sla.BusinessCalendar.Period;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a stored calendar says, in the shape it is kept and edited in: the zone's id, the periods of
 * each weekday (a day missing is closed), whether the Italian national holidays are closed, the
 * company's own closed days, and single dates with other hours (an empty list: closed that day).
 */
public record CalendarDefinition(
        String zone,
        Map<DayOfWeek, List<Period>> week,
        boolean italianHolidays,
        Set<LocalDate> closedDays,
        Map<LocalDate, List<Period>> specialDays) {

    public CalendarDefinition {
        week = week == null ? Map.of() : Map.copyOf(week);
        closedDays = closedDays == null ? Set.of() : Set.copyOf(closedDays);
        specialDays = specialDays == null ? Map.of() : Map.copyOf(specialDays);
    }

    /** The calendar to count with; throws {@link IllegalArgumentException} for an unknown zone or overlapping periods. */
    public BusinessCalendar toCalendar() {
        return new BusinessCalendar(ZoneId.of(zone), week, italianHolidays, closedDays, specialDays);
    }

    /** Whether it is open every minute of every day: time on it is plain time, not business time. */
    public boolean aroundTheClock() {
        return !italianHolidays
                && closedDays.isEmpty()
                && specialDays.isEmpty()
                && java.util.Arrays.stream(DayOfWeek.values()).allMatch(day -> {
                    List<Period> periods = week.get(day);
                    return periods != null
                            && periods.size() == 1
                            && periods.get(0).from().equals(java.time.LocalTime.MIDNIGHT)
                            && periods.get(0).to() == null;
                });
    }
}
