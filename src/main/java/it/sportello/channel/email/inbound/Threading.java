package it.sportello.channel.email.inbound;

import it.sportello.channel.email.OutgoingMessageIds;
import it.sportello.customer.CustomerId;
import it.sportello.ticket.Ticket;
import it.sportello.ticket.TicketId;
import it.sportello.ticket.TicketManagement;
import it.sportello.ticket.TicketStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Finds the ticket a reply belongs to. A reply joins a ticket only when its sender is that
 * ticket's requester, and only by a Message-ID the desk signed or by the subject tag
 * {@code [#N]}: a forged reply (someone else's address, a copied subject, a made-up Message-ID)
 * opens a ticket of its own and never reaches another customer's conversation.
 */
@Component
public class Threading {

    private static final Pattern SUBJECT_TAG = Pattern.compile("\\[#(\\d{1,18})]");
    private static final int MAX_MERGE_HOPS = 10;

    private final OutgoingMessageIds messageIds;
    private final TicketManagement tickets;

    Threading(OutgoingMessageIds messageIds, TicketManagement tickets) {
        this.messageIds = messageIds;
        this.tickets = tickets;
    }

    /** The open ticket this message continues, for this sender; empty for a new conversation. */
    public Optional<TicketId> ticketFor(ParsedEmail email, CustomerId sender) {
        return continued(ticketsNamedBy(email), sender);
    }

    /**
     * The tickets a message names, in the order they are tried: by a Message-ID the desk signed,
     * then by a subject tag. None: a new conversation, whoever sent it.
     */
    public List<TicketId> ticketsNamedBy(ParsedEmail email) {
        List<TicketId> named = new ArrayList<>();
        for (String reference : email.referencedIds()) {
            messageIds.ticketOf(reference).ifPresent(named::add);
        }
        Matcher tag = SUBJECT_TAG.matcher(email.subject());
        while (tag.find()) {
            named.add(new TicketId(Long.parseLong(tag.group(1))));
        }
        return named;
    }

    /** Whether the message names any ticket at all (see {@link #ticketsNamedBy}). */
    public boolean mayContinueATicket(ParsedEmail email) {
        return !ticketsNamedBy(email).isEmpty();
    }

    /** The first of the {@code named} tickets this sender may continue, if any. */
    public Optional<TicketId> continued(List<TicketId> named, CustomerId sender) {
        if (sender == null) {
            return Optional.empty();
        }
        for (TicketId id : named) {
            Optional<TicketId> ticket = continuable(id, sender);
            if (ticket.isPresent()) {
                return ticket;
            }
        }
        return Optional.empty();
    }

    /** The ticket (or the one it was merged into) if it is the sender's and can still take a message. */
    private Optional<TicketId> continuable(TicketId id, CustomerId sender) {
        Optional<Ticket> ticket = tickets.find(id);
        for (int hop = 0; ticket.isPresent() && ticket.get().mergedInto().isPresent() && hop < MAX_MERGE_HOPS; hop++) {
            ticket = tickets.find(ticket.get().mergedInto().get());
        }
        return ticket.filter(t -> t.requester().equals(sender))
                .filter(t -> t.status() != TicketStatus.CLOSED)
                .map(Ticket::id);
    }

    /** The ticket a bounced message of ours was about (signed Message-ID only). */
    public Optional<TicketId> ticketOfOurs(String messageId) {
        return messageIds.ticketOf(messageId).filter(id -> tickets.find(id).isPresent());
    }
}
