package it.sportello.bot;

import java.util.List;

/**
 * The bot's answer to one question: the FAQ entry it would answer with, how sure it is (the share
 * of answers this sure that were right when it tested itself), and whether a person should take
 * over instead. {@code faqId} and {@code answer} are null when nothing in the FAQ database comes close.
 */
public record BotAnswer(
        String faqId, String answer, double confidence, boolean handoff, List<Alternative> alternatives) {

    /** Another entry that might be meant, with its confidence. */
    public record Alternative(String faqId, double confidence) {}
}
