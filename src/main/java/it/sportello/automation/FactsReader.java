package it.sportello.automation;

import it.sportello.customer.CustomerManagement;
import it.sportello.ticket.AuthorType;
import it.sportello.ticket.Message;
import it.sportello.ticket.MessageId;
import it.sportello.ticket.Ticket;
import it.sportello.ticket.TicketId;
import it.sportello.ticket.TicketManagement;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Reads what a rule judges a ticket by. */
@Component
class FactsReader {

    private final TicketManagement tickets;
    private final CustomerManagement customers;
    private final Clock clock;

    FactsReader(TicketManagement tickets, CustomerManagement customers, Clock clock) {
        this.tickets = tickets;
        this.customers = customers;
        this.clock = clock;
    }

    /**
     * The ticket with its customer and, when {@code withText}, the text in question: the message
     * the event is about, or the customer's latest. Empty when the ticket is gone.
     */
    Optional<TicketFacts> read(TicketId ticketId, MessageId message, boolean withText) {
        return tickets.find(ticketId).map(ticket -> of(ticket, message, withText));
    }

    TicketFacts of(Ticket ticket, MessageId message, boolean withText) {
        String text = "";
        if (withText && message != null) {
            text = tickets.forDelivery(message).map(d -> d.message().bodyText()).orElse("");
        } else if (withText) {
            List<Message> conversation =
                    tickets.details(ticket.id(), TriggerRunner.DESK).messages();
            for (Message m : conversation) {
                if (m.authorType() == AuthorType.CUSTOMER) {
                    text = m.bodyText();
                }
            }
        }
        return new TicketFacts(ticket, customers.get(ticket.requester()), text, Instant.now(clock));
    }
}
