package it.sportello.automation;

import it.sportello.ticket.MessageId;
import it.sportello.ticket.TicketId;
import java.time.Instant;

/**
 * An event some switched-on trigger listens to, as durable work for {@link TriggerRunner}: its kind,
 * its ticket, a key that is the same on every re-delivery, when it happened and, for a customer's
 * reply, the message. Public for the event publication registry, which stores it as JSON.
 */
public record TriggerDue(
        TriggerEvent event, TicketId ticketId, String eventKey, Instant occurredAt, MessageId message) {}
