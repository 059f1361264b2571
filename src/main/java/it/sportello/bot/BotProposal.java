package it.sportello.bot;

import java.time.Instant;

/**
 * A question the bot handed to a person, which the person answered with FAQ entry {@code faqId}:
 * proposed as a new way of asking that entry, until a supervisor accepts or rejects it.
 */
public record BotProposal(
        long id, String faqId, String locale, String question, Long ticketId, String status, Instant createdAt) {}
