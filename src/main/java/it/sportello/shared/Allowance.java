package it.sportello.shared;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A rate limit per key (a client address, an e-mail address): at most {@code max} takes per
 * {@code window}, refilled all at once when the window has passed, on the desk's {@link Clock}
 * so tests can move time. Kept in memory on this node: behind several nodes each counts its own share.
 */
public final class Allowance {

    private final int max;
    private final Duration window;
    private final TimeMeter time;
    private final Cache<String, Bucket> buckets;

    public Allowance(int max, Duration window, Clock clock) {
        this.max = max;
        this.window = window;
        this.time = new ClockTime(clock);
        this.buckets = Caffeine.newBuilder()
                .expireAfterAccess(window.multipliedBy(2))
                .maximumSize(100_000)
                .build();
    }

    /** Takes one from {@code key}'s allowance; false when it has none left. */
    public boolean tryTake(String key) {
        return buckets.get(key, k -> newBucket()).tryConsume(1);
    }

    public Duration window() {
        return window;
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(max)
                        .refillIntervally(max, window)
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
