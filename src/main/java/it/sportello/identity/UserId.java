package it.sportello.identity;

/** Identifies a user (staff or customer account) across modules. */
public record UserId(long value) {}
