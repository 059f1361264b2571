package it.sportello.portal.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** How many accounts one client address may create within {@code signUpWindow}. */
@ConfigurationProperties("sportello.portal")
record PortalSettings(
        @DefaultValue("20") int maxSignUpsPerAddress,
        @DefaultValue("1h") Duration signUpWindow) {}
