package it.sportello.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * How many sign-in links may be asked for, per recipient and per client address, within the
 * configured window. Buckets refill on the desk's clock, so tests can move time; they live in
 * memory, per node, like the sign-in throttle.
 */
@Component
class MagicLinkLimits {

    private final MagicLinkProperties properties;
    private final TimeMeter time;
    private final Cache<String, Bucket> buckets;

    MagicLinkLimits(MagicLinkProperties properties, Clock clock) {
        this.properties = properties;
        this.time = new ClockTime(clock);
        this.buckets = Caffeine.newBuilder()
                .expireAfterAccess(properties.window().multipliedBy(2))
                .maximumSize(100_000)
                .build();
    }

    /** Takes one request from the client address's allowance; false when it has none left. */
    boolean tryAddress(String address) {
        return take("address:" + address, properties.maxPerAddress());
    }

    /** Takes one link from the recipient's allowance; false when it has none left. */
    boolean tryEmail(String email) {
        return take("email:" + email.trim().toLowerCase(Locale.ROOT), properties.maxPerEmail());
    }

    Duration window() {
        return properties.window();
    }

    private boolean take(String key, int allowance) {
        return buckets.get(key, k -> newBucket(allowance)).tryConsume(1);
    }

    private Bucket newBucket(int allowance) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(allowance)
                        .refillIntervally(allowance, properties.window())
                        .build())
                .withCustomTimePrecision(time)
                .build();
    }

    /** Bucket4j's time, read from the desk's clock. */
    private record ClockTime(Clock clock) implements TimeMeter {

        @Override
        public long currentTimeNanos() {
            Instant now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }
}
