package it.sportello.knowledge.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The help center's limits: how many "was this helpful?" answers one client address may send per
 * window, and how long after opening a suggestion a contact-form submission still counts as the
 * same visit (after that, a suggestion opened and never followed by a submission is a deflected request).
 */
@ConfigurationProperties("sportello.help")
public record HelpCenterSettings(
        @DefaultValue("30") int votesPerAddress,
        @DefaultValue("PT10M") Duration voteWindow,
        @DefaultValue("PT30M") Duration deflectionWindow) {}
