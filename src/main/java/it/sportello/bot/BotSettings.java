package it.sportello.bot;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The bot's settings ({@code sportello.bot.*}): whether it runs at all, the share of answered
 * questions that must be right (the hand-off threshold is calibrated to reach it), the share of the
 * company's out-of-scope examples that must be handed over, and the longest
 * question it reads.
 */
@ConfigurationProperties("sportello.bot")
public record BotSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("0.98") double targetPrecision,
        @DefaultValue("0.9") double outOfScopeHandoff,
        @DefaultValue("1000") int maxQuestionLength) {

    public BotSettings {
        if (targetPrecision <= 0 || targetPrecision > 1) {
            throw new IllegalArgumentException("sportello.bot.target-precision must be in (0, 1]");
        }
    }
}
