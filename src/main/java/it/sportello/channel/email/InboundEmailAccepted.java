package it.sportello.channel.email;

import it.sportello.customer.CustomerId;
import it.sportello.shared.SupportedLocale;
import it.sportello.ticket.MessageId;
import it.sportello.ticket.TicketId;
import java.time.Instant;
import java.util.List;

/**
 * A stored inbound e-mail became a ticket message. {@code newTicket} when it opened the ticket;
 * {@code automatic} when it was itself machine-sent (auto-reply, bounce, list mail), which must
 * never be answered automatically; {@code replyFrom} is the desk address to answer from.
 * {@code mailMessageId} is the mail's own {@code Message-ID} header (with angle brackets; null when
 * it had none) and {@code mailReferences} its {@code References} chain, oldest first: answers to
 * the customer carry them in {@code In-Reply-To}/{@code References}, so their mail client threads.
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
        Instant occurredAt,
        String mailMessageId,
        List<String> mailReferences) {

    public InboundEmailAccepted {
        mailReferences = mailReferences == null ? List.of() : List.copyOf(mailReferences);
    }

    /** An accepted mail whose own Message-ID and References are not known. */
    public InboundEmailAccepted(
            long intakeId,
            TicketId ticketId,
            MessageId messageId,
            CustomerId customerId,
            String senderAddress,
            SupportedLocale locale,
            boolean newTicket,
            boolean automatic,
            String replyFrom,
            Instant occurredAt) {
        this(
                intakeId,
                ticketId,
                messageId,
                customerId,
                senderAddress,
                locale,
                newTicket,
                automatic,
                replyFrom,
                occurredAt,
                null,
                List.of());
    }
}
