package it.sportello.sla.web;

import it.sportello.sla.EscalationRule;
import it.sportello.sla.SlaPolicy;
import it.sportello.ticket.Channel;
import it.sportello.ticket.Priority;
import it.sportello.ticket.TicketStatus;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * A service-level policy as the API shows it: its place in the order, its conditions, its targets in
 * minutes of business time on its calendar (null: the default calendar), when its clocks pause,
 * when they warn and what happens then.
 */
record SlaPolicyView(
        long id,
        String name,
        int position,
        boolean catchAll,
        List<Channel> channels,
        List<Priority> priorities,
        List<Long> organisations,
        List<String> tags,
        Long calendarId,
        Integer firstResponseMinutes,
        Integer nextResponseMinutes,
        Integer resolutionMinutes,
        List<TicketStatus> pauseOn,
        int warningPercent,
        List<EscalationRule> escalations,
        Instant updatedAt,
        long version) {

    static SlaPolicyView of(SlaPolicy p) {
        var r = p.rules();
        return new SlaPolicyView(
                p.id().value(),
                p.name(),
                p.position(),
                p.isCatchAll(),
                sorted(r.channels()),
                sorted(r.priorities()),
                r.organisations().stream().sorted().toList(),
                r.tags().stream().sorted().toList(),
                r.calendarId(),
                r.firstResponseMinutes(),
                r.nextResponseMinutes(),
                r.resolutionMinutes(),
                sorted(r.pauseOn()),
                r.warningPercent(),
                r.escalations(),
                p.updatedAt(),
                p.version());
    }

    private static <E extends Enum<E>> List<E> sorted(Set<E> values) {
        return values.stream().sorted(Comparator.naturalOrder()).toList();
    }
}
