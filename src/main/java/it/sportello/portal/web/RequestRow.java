package it.sportello.portal.web;

import it.sportello.ticket.Ticket;
import java.time.Instant;

/** One line of "Le mie richieste". */
record RequestRow(long id, String subject, CustomerStatus status, Instant updatedAt) {

    static RequestRow of(Ticket ticket) {
        return new RequestRow(
                ticket.id().value(), ticket.subject(), CustomerStatus.of(ticket.status()), ticket.updatedAt());
    }
}
