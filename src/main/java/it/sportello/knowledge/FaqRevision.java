package it.sportello.knowledge;

import java.time.Instant;

/** A saved version of an FAQ entry: its number, who saved it, when, and what it said. */
public record FaqRevision(long version, String editedBy, Instant editedAt, FaqSnapshot snapshot) {}
