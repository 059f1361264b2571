package it.sportello.bot;

import java.time.Instant;

/**
 * Whether the bot answers from the current FAQ database ({@code ready}) or is still learning a
 * newer one ({@code training}; the previous model answers meanwhile).
 */
public record BotStatus(String state, long faqVersion, Instant trainedAt) {}
