package it.sportello.ticket;

import it.sportello.customer.CustomerId;
import java.time.Instant;

/**
 * A customer wrote on a ticket: the message that opens it ({@code opening}: nobody had written on
 * the ticket before) or a follow-up. Listeners that care only for follow-ups say so in their
 * condition, so that no publication is stored for them when a ticket opens.
 */
public record MessageReceived(
        TicketId ticketId,
        MessageId messageId,
        CustomerId customerId,
        Channel channel,
        Instant occurredAt,
        boolean opening) {}
