package it.sportello.channel.email.outbound;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the desk mails customers: {@code defaultFrom} when a ticket's desk address is not known,
 * {@code promisedResponse} by language code ("it", "en") for acknowledgements, the outbox's pace
 * and retries, and how many acknowledgements one address gets within a window (so two
 * autoresponders cannot keep answering each other).
 */
@ConfigurationProperties("sportello.email")
record OutboundMailSettings(
        @DefaultValue("Sportello <noreply@sportello.local>") String defaultFrom,
        Map<String, String> promisedResponse,
        @DefaultValue Outbox outbox,
        @DefaultValue Acknowledgements acknowledgements) {

    OutboundMailSettings {
        promisedResponse = promisedResponse == null ? Map.of() : Map.copyOf(promisedResponse);
    }

    /**
     * {@code interval} between looks for due mail; a failed try waits {@code firstRetry}, doubled
     * after each failure up to {@code maxRetry}; after {@code maxAttempts} tries the mail is FAILED.
     * {@code lease} is how long a claimed mail is left to the node sending it before another may.
     */
    record Outbox(
            @DefaultValue("5s") Duration interval,
            @DefaultValue("20") int batchSize,
            @DefaultValue("8") int maxAttempts,
            @DefaultValue("1m") Duration firstRetry,
            @DefaultValue("1h") Duration maxRetry,
            @DefaultValue("5m") Duration lease) {

        /** The wait after the {@code attempts}-th failed try: 1, 2, 4, ... times {@code firstRetry}, capped. */
        Duration backoff(int attempts) {
            Duration wait = firstRetry;
            for (int i = 1; i < attempts && wait.compareTo(maxRetry) < 0; i++) {
                wait = wait.multipliedBy(2);
            }
            return wait.compareTo(maxRetry) > 0 ? maxRetry : wait;
        }
    }

    record Acknowledgements(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("3") int maxPerRecipient,
            @DefaultValue("1h") Duration window) {}
}
