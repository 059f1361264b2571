package it.sportello.identity;

/** Identifies an agent group (a team that tickets can be assigned to). */
public record GroupId(long value) {}
