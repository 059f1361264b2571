package it.sportello.customer;

/** Identifies a customer across modules. */
public record CustomerId(long value) {}
