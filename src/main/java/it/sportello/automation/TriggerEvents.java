package it.sportello.automation;

import it.sportello.sla.SlaBreached;
import it.sportello.sla.SlaWarned;
import it.sportello.ticket.MessageReceived;
import it.sportello.ticket.TicketCreated;
import it.sportello.ticket.TicketStatusChanged;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The ticket events triggers listen to, each named by a key that is the same on every
 * re-delivery (at-least-once: the runner remembers what it handled).
 */
@Component
class TriggerEvents {

    private final TriggerRunner runner;

    TriggerEvents(TriggerRunner runner) {
        this.runner = runner;
    }

    @ApplicationModuleListener
    void on(TicketCreated created) {
        runner.run(
                TriggerEvent.TICKET_CREATED,
                created.ticketId(),
                "created:" + created.ticketId().value(),
                created.occurredAt(),
                null);
    }

    /** A customer's follow-up; the message that opens a ticket is its creation, not a reply. */
    @ApplicationModuleListener(condition = "!#received.opening()")
    void on(MessageReceived received) {
        runner.run(
                TriggerEvent.CUSTOMER_REPLIED,
                received.ticketId(),
                "message:" + received.messageId().value(),
                received.occurredAt(),
                received.messageId());
    }

    @ApplicationModuleListener
    void on(TicketStatusChanged changed) {
        runner.run(
                TriggerEvent.STATUS_CHANGED,
                changed.ticketId(),
                "status:" + changed.eventId(),
                changed.occurredAt(),
                null);
    }

    @ApplicationModuleListener
    void on(SlaWarned warned) {
        runner.run(
                TriggerEvent.SLA_WARNING,
                warned.ticketId(),
                "sla-warning:" + warned.target().name().toLowerCase(java.util.Locale.ROOT) + ":" + warned.dueAt(),
                warned.occurredAt(),
                null);
    }

    @ApplicationModuleListener
    void on(SlaBreached breached) {
        runner.run(
                TriggerEvent.SLA_BREACHED,
                breached.ticketId(),
                "sla-breach:" + breached.target().name().toLowerCase(java.util.Locale.ROOT) + ":" + breached.dueAt(),
                breached.occurredAt(),
                null);
    }
}
