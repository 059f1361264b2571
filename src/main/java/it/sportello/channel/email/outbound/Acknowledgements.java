package it.sportello.channel.email.outbound;

import it.sportello.automation.AcknowledgementTemplates;
import it.sportello.channel.email.InboundEmailAccepted;
import it.sportello.channel.email.OutgoingMessageIds;
import it.sportello.customer.Customer;
import it.sportello.customer.CustomerManagement;
import it.sportello.shared.Allowance;
import it.sportello.shared.SupportedLocale;
import it.sportello.ticket.Channel;
import it.sportello.ticket.Ticket;
import it.sportello.ticket.TicketManagement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A new ticket by e-mail is acknowledged to its sender, in their language, with the reference
 * number and the response time the desk promises, in the words of the desk's e-mail acknowledgement
 * template (automation; the built-in text with {@code sportello.email.promised-response} when that
 * template is switched off); marked {@code Auto-Submitted: auto-replied} so
 * well-behaved software never answers it. Never for mail that was itself automatic, and at most a
 * few per address within a window: should another autoresponder ignore the marking, the two stop
 * after a handful of mails instead of answering each other for ever.
 *
 * <p>It hears the intake of its own module synchronously, in the intake's transaction: the
 * acknowledgement is queued with the ticket or not at all, and the ticket, its message and its
 * customer are read from that transaction's persistence context rather than the database. An
 * acknowledgement that cannot be queued fails the intake of the message, which is then kept as
 * failed and can be replayed.
 */
@Component
class Acknowledgements {

    private static final Logger log = LoggerFactory.getLogger(Acknowledgements.class);

    private final TicketManagement tickets;
    private final CustomerManagement customers;
    private final Outbox outbox;
    private final OutgoingMessageIds messageIds;
    private final OutboundMailSettings settings;
    private final MessageSource texts;
    private final Clock clock;
    private final AcknowledgementTemplates templates;
    /**
     * The same limit, taken atomically on this node: listeners run concurrently, and counting the
     * outbox alone let two of them both see "2 sent" and both send. The count still carries the
     * limit across restarts and nodes.
     */
    private final Allowance perRecipient;

    Acknowledgements(
            TicketManagement tickets,
            CustomerManagement customers,
            Outbox outbox,
            OutgoingMessageIds messageIds,
            OutboundMailSettings settings,
            MessageSource texts,
            Clock clock,
            AcknowledgementTemplates templates) {
        this.templates = templates;
        this.tickets = tickets;
        this.customers = customers;
        this.outbox = outbox;
        this.messageIds = messageIds;
        this.settings = settings;
        this.texts = texts;
        this.clock = clock;
        this.perRecipient = new Allowance(
                settings.acknowledgements().maxPerRecipient(),
                settings.acknowledgements().window(),
                clock);
    }

    @EventListener
    void on(InboundEmailAccepted accepted) {
        if (!accepted.newTicket()
                || accepted.automatic()
                || !settings.acknowledgements().enabled()) {
            return;
        }
        if (accepted.senderAddress() == null || accepted.senderAddress().isBlank()) {
            return;
        }
        // No look for an acknowledgement already queued: heard in the transaction that wrote the
        // message, once, none can be; and the outbox's unique key stands guard all the same.
        String to = accepted.senderAddress().trim().toLowerCase(Locale.ROOT);
        OutboundMailSettings.Acknowledgements limits = settings.acknowledgements();
        Instant since = Instant.now(clock).minus(limits.window());
        if (outbox.countTo(to, MailKind.ACKNOWLEDGEMENT, since) >= limits.maxPerRecipient()
                || !perRecipient.tryTake(to)) {
            log.info(
                    "No acknowledgement for ticket {}: {} already got {} within {}",
                    accepted.ticketId().value(),
                    to,
                    limits.maxPerRecipient(),
                    limits.window());
            return;
        }
        // Only the ticket is needed, not its message and files: read from this transaction's context.
        Optional<Ticket> found = tickets.find(accepted.ticketId());
        if (found.isEmpty()) {
            return;
        }
        Ticket ticket = found.get();
        Customer requester = customers.get(ticket.requester());
        SupportedLocale language = accepted.locale() != null ? accepted.locale() : requester.locale();
        Locale locale = (language == null ? SupportedLocale.IT : language).locale();
        String subject = ticket.subject();
        String reference = String.valueOf(ticket.id().value());
        // The desk's own template when it has one switched on; the built-in text otherwise.
        Optional<AcknowledgementTemplates.Acknowledgement> written =
                templates.of(ticket.id(), Channel.EMAIL, language == null ? SupportedLocale.IT : language);
        String name = requester.name();
        String greeting = name == null || name.isBlank()
                ? texts.getMessage("email.acknowledgement.greeting.anonymous", null, locale)
                : texts.getMessage("email.acknowledgement.greeting", new Object[] {name}, locale);
        String promised = settings.promisedResponse().get(locale.getLanguage());
        if (promised == null || promised.isBlank()) {
            promised = texts.getMessage("email.acknowledgement.promised-response", null, locale);
        }
        String body = written.map(AcknowledgementTemplates.Acknowledgement::body)
                .orElse(greeting + "\n\n"
                        + texts.getMessage(
                                "email.acknowledgement.body", new Object[] {subject, reference, promised}, locale));
        List<String> references = new ArrayList<>(accepted.mailReferences());
        if (accepted.mailMessageId() != null) {
            references.add(accepted.mailMessageId());
        }
        outbox.queue(new OutgoingMail.Draft(
                ticket.id().value(),
                accepted.messageId().value(),
                MailKind.ACKNOWLEDGEMENT,
                to,
                accepted.replyFrom() == null || accepted.replyFrom().isBlank()
                        ? settings.defaultFrom()
                        : accepted.replyFrom(),
                written.map(AcknowledgementTemplates.Acknowledgement::subject)
                        .orElse(texts.getMessage(
                                "email.acknowledgement.subject", new Object[] {subject, reference}, locale)),
                messageIds.create(ticket.id(), "a" + accepted.messageId().value()),
                accepted.mailMessageId(),
                references,
                body,
                null,
                List.of()));
    }
}
