package it.sportello.ticket;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What another module knows about a ticket's service-level clocks, for the ticket's API view: the
 * sla module implements it as a bean, so the ticket module shows the clocks without depending on it.
 */
public interface TicketClocks {

    /**
     * A ticket's clocks: the policy that applies, when each running clock falls due (null when that
     * clock is not running) and the targets whose promise was broken, as codes ("first_response").
     */
    record Summary(
            String policy,
            Instant firstResponseDueAt,
            Instant nextResponseDueAt,
            Instant resolutionDueAt,
            List<String> breached) {}

    /** The clocks of these tickets; a ticket without clocks is left out. */
    Map<TicketId, Summary> of(Collection<TicketId> tickets);
}
