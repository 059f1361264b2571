package it.sportello.sla;

import java.time.Duration;
import java.time.Instant;

/** How one ticket stands against one standard. */
public enum ComplianceOutcome {
    /** The event came within the threshold. */
    MET,
    /** The event came late, or the threshold has passed without it. */
    MISSED,
    /** No event yet, and the threshold has not passed: still undecided. */
    PENDING;

    /**
     * Judges a ticket whose measured time started at {@code start}: met when the event ({@code end},
     * null while it has not happened) came within {@code threshold} of time counted on
     * {@code calendar} (around the clock when null); missed when it came later, or when at
     * {@code now} more than the threshold has passed without it; otherwise pending. Time outside the
     * calendar's hours does not count: a reply on Monday 09:30 to a Friday 17:30 e-mail took one
     * business hour.
     */
    static ComplianceOutcome judge(
            Instant start, Instant end, Duration threshold, BusinessCalendar calendar, Instant now) {
        if (end != null) {
            return elapsed(start, end, calendar).compareTo(threshold) <= 0 ? MET : MISSED;
        }
        return elapsed(start, now, calendar).compareTo(threshold) > 0 ? MISSED : PENDING;
    }

    private static Duration elapsed(Instant from, Instant to, BusinessCalendar calendar) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        return calendar == null ? Duration.between(from, to) : calendar.between(from, to);
    }
}
