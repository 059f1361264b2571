package it.sportello.shared;

import java.time.Duration;

/** A rate limit was hit; {@code retryAfter} says when trying again makes sense. Maps to 429. */
public class TooManyRequestsException extends RuntimeException {

    private final Duration retryAfter;

    public TooManyRequestsException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
