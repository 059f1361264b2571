package it.sportello.sla.web;

import it.sportello.shared.InvalidInputException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A reporting period [from, to) as asked: each end an ISO-8601 instant ({@code 2026-12-01T08:00:00Z})
 * or a date in the desk's zone ({@code 2026-12-01}: {@code from} its start, {@code to} the end of
 * it, so the day is included), or one of the named periods of the page.
 */
record StandardsPeriod(Instant from, Instant to) {

    /** The periods the page offers by name. */
    public enum Preset {
        TODAY,
        WEEK,
        MONTH,
        CUSTOM
    }

    static StandardsPeriod of(Preset preset, Clock clock, ZoneId zone) {
        Instant now = Instant.now(clock);
        LocalDate today = now.atZone(zone).toLocalDate();
        return switch (preset) {
            case TODAY -> new StandardsPeriod(today.atStartOfDay(zone).toInstant(), end(today, zone));
            case MONTH ->
                new StandardsPeriod(today.withDayOfMonth(1).atStartOfDay(zone).toInstant(), end(today, zone));
            case WEEK, CUSTOM ->
                new StandardsPeriod(today.minusDays(6).atStartOfDay(zone).toInstant(), end(today, zone));
        };
    }

    /** The period of the API's parameters; the last 7 days (today included) when both are absent. */
    static StandardsPeriod parse(String from, String to, Clock clock, ZoneId zone) {
        StandardsPeriod week = of(Preset.WEEK, clock, zone);
        Map<String, String> errors = new LinkedHashMap<>();
        Instant start = blank(from) ? week.from() : read(from, false, zone, "from", errors);
        Instant end = blank(to) ? (blank(from) ? week.to() : Instant.now(clock)) : read(to, true, zone, "to", errors);
        if (errors.isEmpty() && !start.isBefore(end)) {
            errors.put("to", "must be after from");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new StandardsPeriod(start, end);
    }

    private static Instant read(String text, boolean isEnd, ZoneId zone, String field, Map<String, String> errors) {
        String value = text.trim();
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return isEnd ? end(day, zone) : day.atStartOfDay(zone).toInstant();
            }
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            errors.put(field, "must be a date (2026-12-01) or an instant (2026-12-01T08:00:00Z)");
            return null;
        } catch (DateTimeException e) {
            errors.put(field, "is out of range");
            return null;
        }
    }

    private static Instant end(LocalDate day, ZoneId zone) {
        return day.plusDays(1).atStartOfDay(zone).toInstant();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    Duration length() {
        return Duration.between(from, to);
    }
}
