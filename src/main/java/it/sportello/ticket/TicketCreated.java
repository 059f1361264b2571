package it.sportello.ticket;

import it.sportello.customer.CustomerId;
import java.time.Instant;

/** A new ticket was opened. */
public record TicketCreated(
        TicketId ticketId, CustomerId requesterId, Channel channel, Priority priority, Instant occurredAt) {}
