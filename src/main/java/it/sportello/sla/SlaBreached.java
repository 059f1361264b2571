package it.sportello.sla;

import it.sportello.ticket.TicketId;
import java.time.Instant;

/** A ticket's clock ran out before its promise was kept. Published once per clock and due time. */
public record SlaBreached(TicketId ticketId, SlaTarget target, String policy, Instant dueAt, Instant occurredAt) {}
