package it.sportello.sla;

/** Identifies a stored business calendar. */
public record CalendarId(long value) {}
