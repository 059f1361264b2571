package it.sportello.knowledge;

import java.time.Instant;

/**
 * The FAQ database changed (an entry saved, imported or deleted): whatever learned from it, such
 * as the bot, should learn again. {@code revision} grows with every change.
 */
public record FaqDatabaseChanged(long revision, Instant changedAt) {}
