package it.sportello.sla;

import it.sportello.ticket.Channel;
import it.sportello.ticket.Priority;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Set;

/**
 * A standard as a supervisor writes it: what is measured, the threshold (business time of a
 * calendar, the default one when {@code calendarId} is null, or around the clock), the tickets it
 * covers (channels and priorities; empty means all) and the floor, the share that must be met.
 */
public record StandardDraft(
        String name,
        String description,
        StandardMeasure measure,
        String milestone,
        String startMilestone,
        Duration threshold,
        boolean businessTime,
        CalendarId calendarId,
        Set<Channel> channels,
        Set<Priority> priorities,
        BigDecimal floor,
        boolean active) {

    public StandardDraft {
        channels = channels == null ? Set.of() : Set.copyOf(channels);
        priorities = priorities == null ? Set.of() : Set.copyOf(priorities);
    }
}
