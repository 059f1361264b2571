package it.sportello.channel.chat;

import java.time.Instant;

/**
 * One line of a chat as both sides show it. {@code seq} numbers the lines of one chat without gaps;
 * {@code clientId} is the id the sender's client made, by which a resent message is recognised;
 * {@code html} is set only for the bot's answers (sanitised FAQ answers with their links and lists).
 */
public record ChatLine(
        long chatId,
        int seq,
        String clientId,
        ChatAuthor author,
        String authorName,
        String body,
        String html,
        String faqId,
        Instant at) {}
