package it.sportello.sla;

import it.sportello.ticket.TicketId;
import java.time.Instant;

/** A ticket reached a named milestone ("consegna"); published once, when it is first recorded. */
public record MilestoneReached(TicketId ticketId, String name, Instant reachedAt, Instant occurredAt) {}
