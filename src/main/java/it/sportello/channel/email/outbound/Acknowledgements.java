package it.sportello.channel.email.outbound;

import it.sportello.automation.AcknowledgementTemplates;
import it.sportello.channel.email.InboundEmailAccepted;
import it.sportello.channel.email.OutgoingMessageIds;
import it.sportello.customer.CustomerManagement;
import it.sportello.shared.Allowance;
import it.sportello.shared.SupportedLocale;
import it.sportello.ticket.Channel;
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
        if (outbox.has(accepted.messageId(), MailKind.ACKNOWLEDGEMENT)) {
            return;
        }
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
        Optional<TicketManagement.Delivery> found = tickets.forDelivery(accepted.messageId());
        if (found.isEmpty()) {
            return;
        }
        TicketManagement.Delivery first = found.get();
        SupportedLocale language = accepted.locale() != null
                ? accepted.locale()
                : customers.get(first.ticket().requester()).locale();
        Locale locale = (language == null ? SupportedLocale.IT : language).locale();
        String subject = first.ticket().subject();
        String reference = String.valueOf(first.ticket().id().value());
        // The desk's own template when it has one switched on; the built-in text otherwise.
        Optional<AcknowledgementTemplates.Acknowledgement> written =
                templates.of(first.ticket().id(), Channel.EMAIL, language == null ? SupportedLocale.IT : language);
        String name = customers.get(first.ticket().requester()).name();
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
                first.ticket().id().value(),
                accepted.messageId().value(),
                MailKind.ACKNOWLEDGEMENT,
                to,
                accepted.replyFrom() == null || accepted.replyFrom().isBlank()
                        ? settings.defaultFrom()
                        : accepted.replyFrom(),
                written.map(AcknowledgementTemplates.Acknowledgement::subject)
                        .orElse(texts.getMessage(
                                "email.acknowledgement.subject", new Object[] {subject, reference}, locale)),
                messageIds.create(
                        first.ticket().id(), "a" + accepted.messageId().value()),
                accepted.mailMessageId(),
                references,
                body,
                null,
                List.of()));
    }
}
