package it.sportello.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The application's clock in integration tests: the real time (in microseconds, as in production)
 * plus an offset a test may move forward, so timers that fall due in hours fire now. The persistent
 * scheduler reads the same clock. A test that moves it calls {@link #reset()} when it ends, since
 * every integration test shares the context.
 */
public final class MovableClock extends Clock {

    private final Clock real = Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);
    private volatile Runnable afterReset = () -> {};

    /** What else must go back with the time (see {@link #reset()}). */
    void afterReset(Runnable action) {
        this.afterReset = action;
    }

    /** Moves time forward (or back, with a negative amount) for everything that asks the application's clock. */
    public void advance(Duration amount) {
        offset.accumulateAndGet(amount, Duration::plus);
    }

    /**
     * Back to the real time. Recurring work that ran while time was moved forward was rescheduled
     * from that later time, so it is brought back to now too, or it would not run again for days.
     */
    public void reset() {
        offset.set(Duration.ZERO);
        afterReset.run();
    }

    @Override
    public Instant instant() {
        return real.instant().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** The same moved time, seen in another zone (reports count days in the desk's zone). */
    @Override
    public Clock withZone(ZoneId zone) {
        MovableClock moved = this;
        return new Clock() {
            @Override
            public Instant instant() {
                return moved.instant();
            }

            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return moved.withZone(other);
            }
        };
    }
}
