package it.sportello.shared;

/** The request clashes with the current state (a stale version, an illegal transition, a duplicate). Maps to 409. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
