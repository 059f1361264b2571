package it.sportello.shared.web;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits on what one request may send and how often an anonymous client may call: a JSON body
 * larger than {@code maxBodySize} is refused (413) before it is read into memory, and public
 * CSV body (an FAQ import) may reach {@code maxCsvSize}; public
 * requests (no token, no session) draw from a token bucket per client address (429 when empty).
 */
@ConfigurationProperties("sportello.limits")
public record RequestLimits(
        @DefaultValue("2MB") DataSize maxBodySize,
        @DefaultValue("20MB") DataSize maxCsvSize,
        @DefaultValue("60") int anonymousBurst,
        @DefaultValue("10") int anonymousPerSecond) {

    Bucket newAnonymousBucket() {
        return Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(anonymousBurst)
                        .refillGreedy(anonymousPerSecond, Duration.ofSeconds(1))
                        .build())
                .build();
    }

    static Duration retryAfter(ConsumptionProbe probe) {
        return Duration.ofNanos(probe.getNanosToWaitForRefill());
    }
}
