package it.sportello.ticket;

import java.time.Instant;

/** The desk itself answered the customer in public (the chat bot, from the FAQ database). */
public record DeskAnswered(TicketId ticketId, MessageId messageId, Instant occurredAt) {}
