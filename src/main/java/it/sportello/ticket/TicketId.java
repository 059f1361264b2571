package it.sportello.ticket;

/** Identifies a ticket; it is also the reference number customers quote (#1042). */
public record TicketId(long value) {}
