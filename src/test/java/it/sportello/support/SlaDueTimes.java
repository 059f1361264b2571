package it.sportello.support;

import static org.awaitility.Awaitility.await;

import it.sportello.ticket.Ticket;
import it.sportello.ticket.TicketId;
import it.sportello.ticket.TicketManagement;
import java.time.Duration;
import java.time.Instant;

/** Gives a test ticket the SLA due time a test needs, for queues and inbox orders by urgency. */
public final class SlaDueTimes {

    private SlaDueTimes() {}

    /**
     * Sets a ticket's SLA due time ({@code null}: no running clock) once the SLA module has started
     * the ticket's own clocks, which would otherwise overwrite it a moment later.
     */
    public static void set(TicketManagement tickets, long ticket, Instant dueAt) {
        TicketId id = new TicketId(ticket);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> tickets.find(id).flatMap(Ticket::slaDueAt).isPresent());
        tickets.recordSlaDue(id, dueAt);
    }
}
