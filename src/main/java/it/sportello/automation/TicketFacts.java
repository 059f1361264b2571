package it.sportello.automation;

import it.sportello.customer.Customer;
import it.sportello.ticket.Ticket;
import java.time.Instant;
import java.util.Locale;

/**
 * What a rule looks at: the ticket as it is now, its customer, the text in question (the message
 * the event is about, or the customer's latest), and the instant the rule judges "business hours" at.
 */
record TicketFacts(Ticket ticket, Customer customer, String messageText, Instant at) {

    String customerEmail() {
        return customer.primaryEmail().orElse("");
    }

    String emailDomain() {
        String email = customerEmail();
        int at = email.lastIndexOf('@');
        return at < 0 ? "" : email.substring(at + 1).toLowerCase(Locale.ROOT);
    }

    String organisation() {
        return customer.organisation().map(o -> o.name()).orElse("");
    }
}
