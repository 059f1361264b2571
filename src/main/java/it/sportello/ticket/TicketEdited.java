package it.sportello.ticket;

import java.time.Instant;
import java.util.UUID;

/** A ticket's priority, subject or tags changed ({@code field} says which: priority, subject, tags). */
public record TicketEdited(UUID eventId, TicketId ticketId, String field, Instant occurredAt) {}
