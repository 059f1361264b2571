package it.sportello.ticket;

/** Identifies a message (customer message, agent reply or internal note) of a ticket. */
public record MessageId(long value) {}
