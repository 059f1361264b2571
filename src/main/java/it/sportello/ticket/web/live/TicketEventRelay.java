package it.sportello.ticket.web.live;

import it.sportello.ticket.AgentReplied;
import it.sportello.ticket.DeskAnswered;
import it.sportello.ticket.MessageReceived;
import it.sportello.ticket.NoteAdded;
import it.sportello.ticket.TicketAssigned;
import it.sportello.ticket.TicketEdited;
import it.sportello.ticket.TicketId;
import it.sportello.ticket.TicketMerged;
import it.sportello.ticket.TicketStatusChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells open ticket pages about changes, whoever made them (the API, a channel, another agent),
 * once the change is committed, so a page never fetches a timeline that is not there yet.
 *
 * <p>Deliberately a plain listener that waits for the commit itself rather than a
 * {@code @TransactionalEventListener}: Spring Modulith records a publication in the event outbox for
 * every transactional listener, and a nudge to a browser is not worth a durable row per message
 * (a lost one is made good by the page re-fetching its timeline whenever its stream reconnects).
 */
@Component
class TicketEventRelay {

    private final TicketStreams streams;

    TicketEventRelay(TicketStreams streams) {
        this.streams = streams;
    }

    @EventListener
    void on(MessageReceived event) {
        afterCommit(event.ticketId(), "message");
    }

    @EventListener
    void on(AgentReplied event) {
        afterCommit(event.ticketId(), "message");
    }

    @EventListener
    void on(DeskAnswered event) {
        afterCommit(event.ticketId(), "message");
    }

    @EventListener
    void on(NoteAdded event) {
        afterCommit(event.ticketId(), "message");
    }

    @EventListener
    void on(TicketEdited event) {
        afterCommit(event.ticketId(), "properties");
    }

    @EventListener
    void on(TicketStatusChanged event) {
        afterCommit(event.ticketId(), "status");
    }

    @EventListener
    void on(TicketAssigned event) {
        afterCommit(event.ticketId(), "assigned");
    }

    @EventListener
    void on(TicketMerged event) {
        afterCommit(event.sourceId(), "merged");
        afterCommit(event.targetId(), "merged");
    }

    private void afterCommit(TicketId ticket, String kind) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            streams.changed(ticket, kind);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                streams.changed(ticket, kind);
            }
        });
    }
}
