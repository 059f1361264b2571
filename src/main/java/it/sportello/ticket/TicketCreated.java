package it.sportello.ticket;

import it.sportello.customer.CustomerId;
import it.sportello.identity.GroupId;
import java.time.Instant;

/** A new ticket was opened, in a group's queue ({@code groupId}) or in nobody's (null). */
public record TicketCreated(
        TicketId ticketId,
        CustomerId requesterId,
        Channel channel,
        Priority priority,
        GroupId groupId,
        Instant occurredAt) {}
