package it.sportello.portal.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * How many sign-ups one client address may try within the configured window, so nobody can mass
 * create accounts or test many addresses for an existing account. Buckets refill on the desk's
 * clock (tests can move it) and live in memory, per node.
 */
@Component
class SignUpLimits {

    private final PortalSettings settings;
    private final TimeMeter time;
    private final Cache<String, Bucket> buckets;

    SignUpLimits(PortalSettings settings, Clock clock) {
        this.settings = settings;
        this.time = new ClockTime(clock);
        this.buckets = Caffeine.newBuilder()
                .expireAfterAccess(settings.signUpWindow().multipliedBy(2))
                .maximumSize(100_000)
                .build();
    }

    /** Takes one sign-up from the address's allowance; false when it has none left. */
    boolean tryAddress(String address) {
        return buckets.get(address, a -> newBucket()).tryConsume(1);
    }

    private Bucket newBucket() {
        int allowance = settings.maxSignUpsPerAddress();
        return Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(allowance)
                        .refillIntervally(allowance, settings.signUpWindow())
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
