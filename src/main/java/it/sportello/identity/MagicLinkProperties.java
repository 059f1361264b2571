package it.sportello.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a sign-in link lives, and how many may be asked for within {@code window}: per
 * recipient address (so nobody can flood a mailbox) and per client address (so nobody can
 * probe many addresses from one place).
 */
@ConfigurationProperties("sportello.magic-links")
record MagicLinkProperties(
        @DefaultValue("15m") Duration lifetime,
        @DefaultValue("3") int maxPerEmail,
        @DefaultValue("10") int maxPerAddress,
        @DefaultValue("15m") Duration window) {}
