package it.sportello.ticket;

import it.sportello.identity.UserId;
import java.time.Instant;

/** A member of staff wrote an internal note on a ticket; it never reaches the customer. */
public record NoteAdded(TicketId ticketId, MessageId messageId, UserId authorId, Instant occurredAt) {}
