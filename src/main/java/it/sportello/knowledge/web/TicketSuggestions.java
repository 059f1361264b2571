package it.sportello.knowledge.web;

import it.sportello.customer.CustomerManagement;
import it.sportello.identity.CurrentUser;
import it.sportello.shared.PlainText;
import it.sportello.shared.SupportedLocale;
import it.sportello.ticket.AuthorType;
import it.sportello.ticket.Message;
import it.sportello.ticket.TicketId;
import it.sportello.ticket.TicketManagement;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * "Turn into FAQ": a new entry suggested by a ticket, in the customer's language. The customer
 * asked with the ticket's subject and first message; the desk answered with its latest public
 * reply. The ticket is read through its module's API, as the viewer may see it.
 */
@Component
class TicketSuggestions {

    /** Longer than this, a customer's message is a story rather than a way of asking. */
    static final int MAX_QUESTION = 300;

    private final TicketManagement tickets;
    private final CustomerManagement customers;

    TicketSuggestions(TicketManagement tickets, CustomerManagement customers) {
        this.tickets = tickets;
        this.customers = customers;
    }

    FaqForm faqFrom(long ticketId, CurrentUser viewer) {
        TicketManagement.TicketDetails details = tickets.details(new TicketId(ticketId), viewer);
        SupportedLocale locale = customers.get(details.ticket().requester()).locale();
        List<String> questions = new ArrayList<>();
        String subject = PlainText.line(details.ticket().subject());
        if (!subject.isEmpty()) {
            questions.add(subject);
        }
        details.messages().stream()
                .filter(m -> m.authorType() == AuthorType.CUSTOMER)
                .findFirst()
                .map(m -> PlainText.line(m.bodyText()))
                .filter(text -> !text.isEmpty() && text.length() <= MAX_QUESTION && !questions.contains(text))
                .ifPresent(questions::add);
        String answer = details.messages().stream()
                .filter(m -> m.authorType() == AuthorType.AGENT && !m.internal())
                .reduce((first, second) -> second)
                .map(Message::bodyHtml)
                .orElse("");
        return FaqForm.suggested(
                slug(subject, ticketId), locale, questions, answer, viewer.id().value());
    }

    /** A faqId from the subject's words ("Reso di un ordine" → "reso-di-un-ordine"). */
    static String slug(String subject, long ticketId) {
        String ascii = Normalizer.normalize(subject, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        if (ascii.length() > 60) {
            ascii = ascii.substring(0, 60).replaceAll("-[^-]*$", "");
        }
        return ascii.isEmpty() ? "ticket-" + ticketId : ascii;
    }
}
