package it.sportello.channel.email;

import it.sportello.customer.CustomerId;
import it.sportello.shared.SupportedLocale;
import it.sportello.ticket.MessageId;
import it.sportello.ticket.TicketId;
import java.time.Instant;

/**
 * A stored inbound e-mail became a ticket message. {@code newTicket} when it opened the ticket;
 * {@code automatic} when it was itself machine-sent (auto-reply, bounce, list mail), which must
 * never be answered automatically; {@code replyFrom} is the desk address to answer from.
 */
public record InboundEmailAccepted(
        long intakeId,
        TicketId ticketId,
        MessageId messageId,
        CustomerId customerId,
        String senderAddress,
        SupportedLocale locale,
        boolean newTicket,
        boolean automatic,
        String replyFrom,
        Instant occurredAt) {}
