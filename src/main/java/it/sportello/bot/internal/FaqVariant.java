package it.sportello.bot.internal;

/** One way customers ask for an FAQ entry, in one language: what the bot learns from. */
public record FaqVariant(String faqId, String locale, String text) {}
