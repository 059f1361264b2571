package it.sportello.sla;

/** Identifies a service standard. */
public record StandardId(long value) {}
