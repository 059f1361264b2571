package it.sportello.channel.form.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Counts contact-form submissions per client address, so one machine cannot flood the inbox.
 * Kept in memory on this node: behind several nodes each counts its own share.
 */
@Component
@EnableConfigurationProperties(ContactFormLimits.class)
public class ContactThrottle {

    private final ContactFormLimits limits;
    private final Cache<String, Bucket> buckets;

    ContactThrottle(ContactFormLimits limits) {
        this.limits = limits;
        this.buckets = Caffeine.newBuilder()
                .expireAfterAccess(limits.window().multipliedBy(2))
                .maximumSize(100_000)
                .build();
    }

    /** Takes one submission from this address's allowance; false when it is used up. */
    public boolean tryAcquire(String address) {
        return buckets.get(address, key -> newBucket()).tryConsume(1);
    }

    public Duration window() {
        return limits.window();
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(limits.maxPerAddress())
                        .refillIntervally(limits.maxPerAddress(), limits.window())
                        .build())
                .build();
    }
}
