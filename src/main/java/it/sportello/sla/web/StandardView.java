package it.sportello.sla.web;

import it.sportello.sla.Standard;
import it.sportello.sla.StandardMeasure;
import it.sportello.ticket.Channel;
import it.sportello.ticket.Priority;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A standard as the API shows it, with its sentence in plain words in the caller's language. */
record StandardView(
        long id,
        String name,
        String description,
        StandardMeasure measure,
        String milestone,
        String startMilestone,
        String threshold,
        boolean businessTime,
        Long calendarId,
        List<Channel> channels,
        List<Priority> priorities,
        BigDecimal floor,
        boolean active,
        String sentence,
        Instant updatedAt,
        long version) {

    static StandardView of(Standard s, String sentence) {
        return new StandardView(
                s.id().value(),
                s.name(),
                s.description(),
                s.measure(),
                s.milestone(),
                s.startMilestone(),
                s.threshold().toString(),
                s.businessTime(),
                s.calendarId() == null ? null : s.calendarId().value(),
                List.copyOf(s.channels()),
                List.copyOf(s.priorities()),
                s.floor(),
                s.active(),
                sentence,
                s.updatedAt(),
                s.version());
    }
}
