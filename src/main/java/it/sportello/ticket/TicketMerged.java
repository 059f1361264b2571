package it.sportello.ticket;

import java.time.Instant;
import java.util.UUID;

/** A ticket was merged into another: its messages moved there and it closed. */
public record TicketMerged(UUID eventId, TicketId sourceId, TicketId targetId, Instant occurredAt) {}
