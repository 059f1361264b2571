package it.sportello.automation;

import it.sportello.sla.SlaBreached;
import it.sportello.sla.SlaWarned;
import it.sportello.ticket.MessageReceived;
import it.sportello.ticket.TicketCreated;
import it.sportello.ticket.TicketStatusChanged;
import java.util.Locale;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The events triggers listen to. Each is looked at inside the transaction that published it: when
 * a switched-on trigger listens to its kind, a {@link TriggerDue} is published in that same
 * transaction, so it commits with the change and is delivered at least once afterwards (the runner
 * remembers what it handled, by a key that is the same on every re-delivery). When none listens,
 * nothing is stored: most tickets open on desks with no trigger on ticket creation, and each
 * stored publication costs three transactions.
 */
@Component
class TriggerEvents {

    private final JdbcTemplate jdbc;
    private final TriggerRunner runner;
    private final ApplicationEventPublisher events;

    TriggerEvents(JdbcTemplate jdbc, TriggerRunner runner, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.runner = runner;
        this.events = events;
    }

    @EventListener
    void on(TicketCreated created) {
        offer(new TriggerDue(
                TriggerEvent.TICKET_CREATED,
                created.ticketId(),
                "created:" + created.ticketId().value(),
                created.occurredAt(),
                null));
    }

    /** A customer's follow-up; the message that opens a ticket is its creation, not a reply. */
    @EventListener(condition = "!#received.opening()")
    void on(MessageReceived received) {
        offer(new TriggerDue(
                TriggerEvent.CUSTOMER_REPLIED,
                received.ticketId(),
                "message:" + received.messageId().value(),
                received.occurredAt(),
                received.messageId()));
    }

    @EventListener
    void on(TicketStatusChanged changed) {
        offer(new TriggerDue(
                TriggerEvent.STATUS_CHANGED,
                changed.ticketId(),
                "status:" + changed.eventId(),
                changed.occurredAt(),
                null));
    }

    @EventListener
    void on(SlaWarned warned) {
        offer(new TriggerDue(
                TriggerEvent.SLA_WARNING,
                warned.ticketId(),
                "sla-warning:" + warned.target().name().toLowerCase(Locale.ROOT) + ":" + warned.dueAt(),
                warned.occurredAt(),
                null));
    }

    @EventListener
    void on(SlaBreached breached) {
        offer(new TriggerDue(
                TriggerEvent.SLA_BREACHED,
                breached.ticketId(),
                "sla-breach:" + breached.target().name().toLowerCase(Locale.ROOT) + ":" + breached.dueAt(),
                breached.occurredAt(),
                null));
    }

    @ApplicationModuleListener
    void on(TriggerDue due) {
        runner.run(due.event(), due.ticketId(), due.eventKey(), due.occurredAt(), due.message());
    }

    private void offer(TriggerDue due) {
        if (anyListening(due.event())) {
            events.publishEvent(due);
        }
    }

    /**
     * Whether a switched-on trigger listens to this kind of event. Plain SQL: it runs inside every
     * ticket change, and a repository query costs several times as much to set up as to answer.
     */
    private boolean anyListening(TriggerEvent event) {
        Integer found = jdbc.queryForObject(
                "select count(*) from automation_trigger where event = ? and active = true",
                Integer.class,
                event.name());
        return found != null && found > 0;
    }
}
