package it.sportello.sla;

import it.sportello.ticket.TicketId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A ticket's clocks as they stand, for the page that shows them beside the conversation. */
@Service
public class SlaTicketClocks {

    /** The policy a ticket's clocks follow and the clocks, in target order. */
    public record Board(String policy, List<SlaClock> clocks) {}

    private final SlaTicketRepository followed;
    private final SlaClockRepository clocks;

    SlaTicketClocks(SlaTicketRepository followed, SlaClockRepository clocks) {
        this.followed = followed;
        this.clocks = clocks;
    }

    /** Empty while no clock follows the ticket (yet). */
    @Transactional(readOnly = true)
    public Optional<Board> of(TicketId ticket) {
        return followed.findById(ticket.value())
                .map(f -> new Board(
                        f.policyName(),
                        clocks.findByTicketIdOrderById(ticket.value()).stream()
                                .sorted(Comparator.comparing(SlaClock::target))
                                .toList()));
    }
}
