package it.sportello.automation;

import it.sportello.customer.Customer;
import it.sportello.shared.SupportedLocale;
import it.sportello.sla.ResponsePromises;
import it.sportello.ticket.Ticket;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Fills the placeholders of a template written by the desk: {@code {{ticket.number}}},
 * {@code {{ticket.subject}}}, {@code {{ticket.status}}}, {@code {{ticket.priority}}},
 * {@code {{customer.name}}}, {@code {{customer.email}}} and {@code {{promise}}} (the first response
 * the applicable standard promises: "entro 8 ore lavorative"). An unknown placeholder stays as written.
 */
@Component
public class Placeholders {

    /** The placeholders a template may use, for the pages that explain them. */
    public static final java.util.List<String> NAMES = java.util.List.of(
            "ticket.number",
            "ticket.subject",
            "ticket.status",
            "ticket.priority",
            "customer.name",
            "customer.email",
            "promise");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-z.]+)\\s*}}");

    private final ResponsePromises promises;
    private final MessageSource texts;

    Placeholders(ResponsePromises promises, MessageSource texts) {
        this.promises = promises;
        this.texts = texts;
    }

    /** The template in the customer's language (the other one when that is blank), filled in. */
    String render(String textIt, String textEn, Ticket ticket, Customer customer) {
        SupportedLocale language = customer.locale() == null ? SupportedLocale.IT : customer.locale();
        String template =
                language == SupportedLocale.EN ? firstNonBlank(textEn, textIt) : firstNonBlank(textIt, textEn);
        return fill(template, ticket, customer, language.locale());
    }

    String fill(String template, Ticket ticket, Customer customer, Locale locale) {
        if (template == null) {
            return "";
        }
        Map<String, java.util.function.Supplier<String>> values = Map.of(
                "ticket.number", () -> String.valueOf(ticket.id().value()),
                "ticket.subject", ticket::subject,
                "ticket.status",
                        () -> texts.getMessage(
                                "automation.status." + ticket.status().code(), null, locale),
                "ticket.priority",
                        () -> texts.getMessage(
                                "automation.priority." + ticket.priority().code(), null, locale),
                "customer.name",
                        () -> customer.name() == null || customer.name().isBlank()
                                ? texts.getMessage("automation.customer.anonymous", null, locale)
                                : customer.name(),
                "customer.email", () -> customer.primaryEmail().orElse(""),
                "promise",
                        () -> promises.firstResponse(ticket.channel(), ticket.priority())
                                .describe(texts, locale));
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            var value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value.get()));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String firstNonBlank(String first, String second) {
        return first != null && !first.isBlank() ? first : second;
    }
}
