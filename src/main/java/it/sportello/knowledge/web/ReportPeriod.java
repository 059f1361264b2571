package it.sportello.knowledge.web;

import it.sportello.knowledge.Helpfulness;
import it.sportello.shared.InvalidInputException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/**
 * The days a help-center report covers, both included, as the reader gives them ({@code 2026-11-01});
 * the last thirty days when not given. Days are read in the reader's time zone.
 */
record ReportPeriod(LocalDate from, LocalDate to, Helpfulness.Period period) {

    static final int DEFAULT_DAYS = 30;
    private static final int MAX_DAYS = 3660;

    static ReportPeriod of(@Nullable String from, @Nullable String to, ZoneId zone, Clock clock) {
        LocalDate last = to == null || to.isBlank() ? LocalDate.now(clock.withZone(zone)) : day("to", to);
        LocalDate first = from == null || from.isBlank() ? last.minusDays(DEFAULT_DAYS - 1) : day("from", from);
        if (first.isAfter(last)) {
            throw new InvalidInputException("from", "the first day comes on or before the last (to)");
        }
        if (first.plusDays(MAX_DAYS).isBefore(last)) {
            throw new InvalidInputException("from", "at most ten years");
        }
        return new ReportPeriod(
                first,
                last,
                new Helpfulness.Period(
                        first.atStartOfDay(zone).toInstant(),
                        last.plusDays(1).atStartOfDay(zone).toInstant()));
    }

    private static LocalDate day(String field, String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "a day written as 2026-11-23");
        }
    }
}
