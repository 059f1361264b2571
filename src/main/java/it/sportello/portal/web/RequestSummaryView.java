package it.sportello.portal.web;

import it.sportello.ticket.Ticket;
import java.time.Instant;

/** One line of "Le mie richieste". */
record RequestSummaryView(long id, String subject, CustomerStatus status, Instant updatedAt) {

    static RequestSummaryView of(Ticket ticket) {
        return new RequestSummaryView(
                ticket.id().value(), ticket.subject(), CustomerStatus.of(ticket.status()), ticket.updatedAt());
    }
}
