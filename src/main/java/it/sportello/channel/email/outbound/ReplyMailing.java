package it.sportello.channel.email.outbound;

import it.sportello.channel.chat.Chats;
import it.sportello.channel.email.OutgoingMessageIds;
import it.sportello.customer.CustomerManagement;
import it.sportello.ticket.AgentReplied;
import it.sportello.ticket.Attachment;
import it.sportello.ticket.Channel;
import it.sportello.ticket.DeskAnswered;
import it.sportello.ticket.MessageId;
import it.sportello.ticket.Ticket;
import it.sportello.ticket.TicketId;
import it.sportello.ticket.TicketManagement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * An agent's public reply on an e-mail ticket (or on a chat nobody is in any more) becomes a mail to the customer, queued in the
 * outbox: from the desk address the customer wrote to, into their mail's thread, with the ticket's
 * tag in the subject (the way a reply finds its ticket when a mail client drops the headers).
 * Internal notes never get here: they are not {@link AgentReplied}, and a note is checked for anyway.
 */
@Component
class ReplyMailing {

    private static final Logger log = LoggerFactory.getLogger(ReplyMailing.class);

    private final TicketManagement tickets;
    private final CustomerManagement customers;
    private final EmailThreads threads;
    private final Outbox outbox;
    private final OutgoingMessageIds messageIds;
    private final OutboundMailSettings settings;
    private final Chats chats;

    ReplyMailing(
            TicketManagement tickets,
            CustomerManagement customers,
            EmailThreads threads,
            Outbox outbox,
            OutgoingMessageIds messageIds,
            OutboundMailSettings settings,
            Chats chats) {
        this.tickets = tickets;
        this.customers = customers;
        this.threads = threads;
        this.outbox = outbox;
        this.messageIds = messageIds;
        this.settings = settings;
        this.chats = chats;
    }

    /** E-mail tickets, and chats whose visitor is no longer there to read the reply live (an offline message). */
    private boolean byMail(Ticket ticket) {
        return ticket.channel() == Channel.EMAIL || (ticket.channel() == Channel.CHAT && !chats.liveOn(ticket.id()));
    }

    @ApplicationModuleListener
    void on(AgentReplied replied) {
        mail(replied.ticketId(), replied.messageId(), false);
    }

    /**
     * A public answer the desk wrote by itself (an automation's templated reply) goes out like an
     * agent's on e-mail tickets. The chat bot's answers are desk answers too: they reach the
     * visitor in the chat and are never mailed.
     */
    @ApplicationModuleListener
    void on(DeskAnswered answered) {
        mail(answered.ticketId(), answered.messageId(), true);
    }

    private void mail(TicketId ticketId, MessageId messageId, boolean byDesk) {
        if (outbox.has(messageId, MailKind.REPLY)) {
            return;
        }
        Optional<TicketManagement.Delivery> found = tickets.forDelivery(messageId);
        if (found.isEmpty()) {
            log.warn("Reply {} of ticket {} is gone; nothing to mail", messageId.value(), ticketId.value());
            return;
        }
        TicketManagement.Delivery reply = found.get();
        boolean byMail = byDesk ? reply.ticket().channel() == Channel.EMAIL : byMail(reply.ticket());
        if (!byMail || reply.message().internal()) {
            return;
        }
        Optional<String> to = customers.get(reply.ticket().requester()).primaryEmail();
        if (to.isEmpty()) {
            log.warn(
                    "Ticket {} is answered by e-mail but its customer has no e-mail address; reply {} not mailed",
                    reply.ticket().id().value(),
                    messageId.value());
            return;
        }
        Optional<EmailThread> thread = threads.of(reply.ticket().id());
        // Into the customer's latest mail; after it, the desk's own latest one, so two replies in a
        // row still thread in the customer's mail client.
        List<String> references =
                new ArrayList<>(thread.map(EmailThread::references).orElse(List.of()));
        Optional<String> ours = outbox.lastMessageIdOn(reply.ticket().id());
        ours.filter(id -> !references.contains(id)).ifPresent(references::add);
        String inReplyTo = thread.flatMap(EmailThread::lastMessageId).orElse(ours.orElse(null));
        outbox.queue(new OutgoingMail.Draft(
                reply.ticket().id().value(),
                messageId.value(),
                MailKind.REPLY,
                to.get().trim().toLowerCase(Locale.ROOT),
                thread.flatMap(EmailThread::replyFrom).orElse(settings.defaultFrom()),
                Subjects.reply(reply.ticket().subject(), reply.ticket().id()),
                messageIds.create(reply.ticket().id(), "r" + messageId.value()),
                inReplyTo,
                references,
                reply.message().bodyText(),
                reply.message().bodyHtml(),
                reply.attachments().stream().map(Attachment::id).toList()));
    }
}
