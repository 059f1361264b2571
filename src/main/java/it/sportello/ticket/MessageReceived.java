package it.sportello.ticket;

import it.sportello.customer.CustomerId;
import java.time.Instant;

/** A customer wrote on a ticket (the first message or a follow-up). */
public record MessageReceived(
        TicketId ticketId, MessageId messageId, CustomerId customerId, Channel channel, Instant occurredAt) {}
