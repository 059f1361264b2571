package it.sportello.sla.web;

import it.sportello.sla.BusinessCalendar.Period;
import it.sportello.sla.CalendarDefinition;
import it.sportello.sla.ServiceCalendar;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The calendar form as posted: each weekday's periods as typed ("09:00-13:00, 14:00-18:00"; empty:
 * closed; "00:00-24:00": the whole day), the company's closed days one per line, and special days
 * one per line with their hours ("2026-12-24 09:00-12:00").
 */
record SlaCalendarForm(
        String name,
        String zone,
        String monday,
        String tuesday,
        String wednesday,
        String thursday,
        String friday,
        String saturday,
        String sunday,
        Boolean italianHolidays,
        String closedDays,
        String specialDays,
        Long version) {

    static SlaCalendarForm blank() {
        String office = "09:00-18:00";
        return new SlaCalendarForm(
                "", "Europe/Rome", office, office, office, office, office, "", "", true, "", "", null);
    }

    static SlaCalendarForm of(ServiceCalendar calendar) {
        CalendarDefinition d = calendar.definition();
        return new SlaCalendarForm(
                calendar.name(),
                d.zone(),
                periods(d.week().get(DayOfWeek.MONDAY)),
                periods(d.week().get(DayOfWeek.TUESDAY)),
                periods(d.week().get(DayOfWeek.WEDNESDAY)),
                periods(d.week().get(DayOfWeek.THURSDAY)),
                periods(d.week().get(DayOfWeek.FRIDAY)),
                periods(d.week().get(DayOfWeek.SATURDAY)),
                periods(d.week().get(DayOfWeek.SUNDAY)),
                d.italianHolidays(),
                d.closedDays().stream().sorted().map(LocalDate::toString).collect(Collectors.joining("\n")),
                new TreeMap<>(d.specialDays())
                        .entrySet().stream()
                                .map(e -> e.getKey() + " " + periods(e.getValue()))
                                .map(String::strip)
                                .collect(Collectors.joining("\n")),
                calendar.version());
    }

    /** The weekdays in order with the form field holding each. */
    static Map<DayOfWeek, String> fields() {
        Map<DayOfWeek, String> fields = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            fields.put(day, day.name().toLowerCase(java.util.Locale.ROOT));
        }
        return fields;
    }

    /** The definition to save; a part that cannot be read is named in {@code problems} (by form field). */
    CalendarDefinition definition(Set<String> problems) {
        Map<DayOfWeek, List<Period>> week = new EnumMap<>(DayOfWeek.class);
        String[] typed = {monday, tuesday, wednesday, thursday, friday, saturday, sunday};
        for (DayOfWeek day : DayOfWeek.values()) {
            List<Period> periods = parse(typed[day.ordinal()], day.name().toLowerCase(java.util.Locale.ROOT), problems);
            if (!periods.isEmpty()) {
                week.put(day, periods);
            }
        }
        Set<LocalDate> closed = new LinkedHashSet<>();
        for (String line : lines(closedDays)) {
            try {
                closed.add(LocalDate.parse(line));
            } catch (DateTimeParseException e) {
                problems.add("closedDays");
            }
        }
        Map<LocalDate, List<Period>> special = new TreeMap<>();
        for (String line : lines(specialDays)) {
            String[] parts = line.split("\\s+", 2);
            try {
                special.put(
                        LocalDate.parse(parts[0]), parse(parts.length > 1 ? parts[1] : "", "specialDays", problems));
            } catch (DateTimeParseException e) {
                problems.add("specialDays");
            }
        }
        return new CalendarDefinition(
                zone == null ? "" : zone.strip(), week, Boolean.TRUE.equals(italianHolidays), closed, special);
    }

    private static List<Period> parse(String text, String field, Set<String> problems) {
        List<Period> periods = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return periods;
        }
        for (String part : text.split("[,;]")) {
            String[] ends = part.strip().split("\\s*-\\s*");
            try {
                if (ends.length != 2) {
                    throw new IllegalArgumentException(part);
                }
                LocalTime from = LocalTime.parse(ends[0].strip());
                LocalTime to = ends[1].strip().equals("24:00") ? null : LocalTime.parse(ends[1].strip());
                periods.add(new Period(from, to));
            } catch (DateTimeParseException | IllegalArgumentException e) {
                problems.add(field);
            }
        }
        return periods;
    }

    private static String periods(List<Period> periods) {
        if (periods == null) {
            return "";
        }
        return periods.stream()
                .map(p -> p.from() + "-" + (p.to() == null ? "24:00" : p.to().toString()))
                .collect(Collectors.joining(", "));
    }

    private static List<String> lines(String text) {
        return text == null
                ? List.of()
                : text.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
