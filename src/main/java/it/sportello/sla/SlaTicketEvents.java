package it.sportello.sla;

import it.sportello.ticket.AgentReplied;
import it.sportello.ticket.MessageReceived;
import it.sportello.ticket.TicketCreated;
import it.sportello.ticket.TicketEdited;
import it.sportello.ticket.TicketStatusChanged;
import java.util.Set;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Moves the clocks on the ticket events (delivered at least once, after commit, in any order).
 * {@link SlaClocks} runs each handler in transactions of its own, retried when two handlers start
 * following a ticket at once, so the listeners open none around it.
 */
@Component
class SlaTicketEvents {

    /** The edits that can make another policy apply. */
    private static final Set<String> POLICY_FIELDS = Set.of("priority", "tags", "requester");

    private final SlaClocks clocks;

    SlaTicketEvents(SlaClocks clocks) {
        this.clocks = clocks;
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(TicketCreated event) {
        clocks.ticketChanged(event.ticketId(), event.occurredAt());
    }

    /** The message that opens a ticket owes nothing yet: its clocks start with {@link TicketCreated}. */
    @ApplicationModuleListener(condition = "!#event.opening()", propagation = Propagation.NOT_SUPPORTED)
    void on(MessageReceived event) {
        clocks.customerWrote(event.ticketId(), event.occurredAt());
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(AgentReplied event) {
        clocks.agentReplied(event.ticketId(), event.occurredAt());
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(TicketStatusChanged event) {
        clocks.ticketChanged(event.ticketId(), event.occurredAt());
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(TicketEdited event) {
        if (POLICY_FIELDS.contains(event.field())) {
            clocks.ticketRedefined(event.ticketId(), event.occurredAt());
        }
    }
}
