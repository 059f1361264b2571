package it.sportello.channel.form.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** How many contact-form submissions one client address may send per window. */
@ConfigurationProperties("sportello.contact")
public record ContactFormLimits(
        @DefaultValue("5") int maxPerAddress,
        @DefaultValue("PT15M") Duration window) {}
