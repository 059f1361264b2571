package it.sportello.shared;

/** An upload or body over its configured limit. Maps to 413. */
public class PayloadTooLargeException extends RuntimeException {

    public PayloadTooLargeException(String message) {
        super(message);
    }
}
