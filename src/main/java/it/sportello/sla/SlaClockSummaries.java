package it.sportello.sla;

import it.sportello.ticket.TicketClocks;
import it.sportello.ticket.TicketId;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The ticket module's view of the clocks: the policy, the due time of each running clock, the broken promises. */
@Component
class SlaClockSummaries implements TicketClocks {

    private final SlaTicketRepository followed;
    private final SlaClockRepository clocks;

    SlaClockSummaries(SlaTicketRepository followed, SlaClockRepository clocks) {
        this.followed = followed;
        this.clocks = clocks;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<TicketId, Summary> of(Collection<TicketId> tickets) {
        List<Long> ids = tickets.stream().map(TicketId::value).distinct().toList();
        Map<Long, List<SlaClock>> byTicket = clocks.findByTicketIdIn(ids).stream()
                .collect(Collectors.groupingBy(c -> c.ticketId().value()));
        Map<TicketId, Summary> summaries = new HashMap<>();
        for (SlaTicket ticket : followed.findAllById(ids)) {
            List<SlaClock> own = byTicket.getOrDefault(ticket.ticketId(), List.of());
            summaries.put(
                    new TicketId(ticket.ticketId()),
                    new Summary(
                            ticket.policyName(),
                            due(own, SlaTarget.FIRST_RESPONSE),
                            due(own, SlaTarget.NEXT_RESPONSE),
                            due(own, SlaTarget.RESOLUTION),
                            own.stream()
                                    .filter(SlaClock::breached)
                                    .map(SlaClock::target)
                                    .sorted(Comparator.naturalOrder())
                                    .map(SlaTarget::code)
                                    .toList()));
        }
        return summaries;
    }

    private static Instant due(List<SlaClock> own, SlaTarget target) {
        return own.stream()
                .filter(c -> c.target() == target && c.isRunning())
                .findFirst()
                .flatMap(SlaClock::dueAt)
                .orElse(null);
    }
}
