package it.sportello.ticket;

import java.time.Instant;
import java.util.UUID;

/** A ticket moved from one status to another. The {@code eventId} makes re-deliveries recognisable. */
public record TicketStatusChanged(
        UUID eventId, TicketId ticketId, TicketStatus from, TicketStatus to, Instant occurredAt) {}
