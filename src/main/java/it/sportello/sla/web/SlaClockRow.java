package it.sportello.sla.web;

import java.time.Instant;

/**
 * One clock on the ticket page: its target's code, how it stands ({@code running}, {@code paused},
 * {@code stopped}), whether it ran out, when it falls due and how far off that is, in words.
 */
record SlaClockRow(String target, String state, boolean breached, Instant dueAt, String due, String distance) {}
