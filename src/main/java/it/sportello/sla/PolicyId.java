package it.sportello.sla;

/** Identifies a service-level policy. */
public record PolicyId(long value) {}
