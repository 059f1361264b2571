package it.sportello.automation;

import it.sportello.customer.CustomerManagement;
import it.sportello.identity.AuditLog;
import it.sportello.shared.ConflictException;
import it.sportello.shared.NotFoundException;
import it.sportello.shared.PlainText;
import it.sportello.shared.SupportedLocale;
import it.sportello.ticket.Channel;
import it.sportello.ticket.TicketId;
import it.sportello.ticket.TicketManagement;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The acknowledgement templates per channel, and the acknowledgement of a given ticket filled in
 * from them for the channel that sends it (the e-mail channel mails it).
 */
@Service
public class AcknowledgementTemplates {

    private final AcknowledgementTemplateRepository templates;
    private final TicketManagement tickets;
    private final CustomerManagement customers;
    private final Placeholders placeholders;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    AcknowledgementTemplates(
            AcknowledgementTemplateRepository templates,
            TicketManagement tickets,
            CustomerManagement customers,
            Placeholders placeholders,
            AuditLog audit,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        this.templates = templates;
        this.tickets = tickets;
        this.customers = customers;
        this.placeholders = placeholders;
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** An acknowledgement ready to send. */
    public record Acknowledgement(String subject, String body) {}

    public List<AcknowledgementTemplate> all() {
        return AcknowledgementTemplate.CHANNELS.stream().map(this::get).toList();
    }

    public AcknowledgementTemplate get(Channel channel) {
        return templates
                .findById(channel.code())
                .orElseThrow(() -> new NotFoundException("Acknowledgement", channel.code()));
    }

    public AcknowledgementTemplate update(Channel channel, AcknowledgementDraft draft, Long expectedVersion) {
        Map<String, String> errors = RuleParts.errors();
        String subjectIt = line(draft.subjectIt(), "subjectIt", errors);
        String subjectEn = line(draft.subjectEn(), "subjectEn", errors);
        String bodyIt = body(draft.bodyIt(), "bodyIt", errors);
        String bodyEn = body(draft.bodyEn(), "bodyEn", errors);
        RuleParts.throwIfAny(errors);
        return transactions.execute(tx -> {
            AcknowledgementTemplate template = get(channel);
            if (expectedVersion != null && expectedVersion != template.version()) {
                throw new ConflictException("The acknowledgement for " + channel.code() + " has changed since version "
                        + expectedVersion + " (now " + template.version() + "); reload it and try again");
            }
            template.change(
                    new AcknowledgementDraft(draft.active(), subjectIt, bodyIt, subjectEn, bodyEn), Instant.now(clock));
            audit.record(
                    "automation.acknowledgement.updated",
                    "acknowledgement:" + channel.code(),
                    draft.active() ? "active" : "inactive");
            return templates.saveAndFlush(template);
        });
    }

    /**
     * The acknowledgement of a ticket on {@code channel}, in {@code language} (the customer's when
     * null), filled in; empty when that channel's template is switched off or the ticket is gone.
     */
    public Optional<Acknowledgement> of(TicketId ticketId, Channel channel, SupportedLocale language) {
        Optional<AcknowledgementTemplate> template =
                templates.findById(channel.code()).filter(AcknowledgementTemplate::active);
        if (template.isEmpty()) {
            return Optional.empty();
        }
        return tickets.find(ticketId).map(ticket -> {
            var customer = customers.get(ticket.requester());
            SupportedLocale lang =
                    language != null ? language : customer.locale() == null ? SupportedLocale.IT : customer.locale();
            AcknowledgementTemplate t = template.get();
            boolean english = lang == SupportedLocale.EN;
            return new Acknowledgement(
                    PlainText.line(placeholders.fill(
                            english ? t.subjectEn() : t.subjectIt(), ticket, customer, lang.locale())),
                    placeholders.fill(english ? t.bodyEn() : t.bodyIt(), ticket, customer, lang.locale()));
        });
    }

    private static String line(String text, String field, Map<String, String> errors) {
        String clean = PlainText.line(text);
        if (clean.isEmpty()) {
            errors.put(field, "must not be blank");
        } else if (clean.length() > 300) {
            errors.put(field, "must be at most 300 characters");
        }
        return clean;
    }

    private static String body(String text, String field, Map<String, String> errors) {
        String clean = PlainText.clean(text);
        if (clean.isEmpty()) {
            errors.put(field, "must not be blank");
        } else if (clean.length() > Macros.MAX_REPLY) {
            errors.put(field, "must be at most " + Macros.MAX_REPLY + " characters");
        }
        return clean;
    }
}
