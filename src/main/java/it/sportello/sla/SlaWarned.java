package it.sportello.sla;

import it.sportello.ticket.TicketId;
import java.time.Instant;

/**
 * A ticket's clock has used the policy's warning share of its time (80 % by default) and still
 * runs: someone should look now. Published once per clock and due time.
 */
public record SlaWarned(TicketId ticketId, SlaTarget target, String policy, Instant dueAt, Instant occurredAt) {}
