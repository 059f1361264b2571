package it.sportello.channel.email.inbound;

/** Where a stored inbound message stands; only {@code RECEIVED} ones are (re)processed. */
public enum InboundStatus {
    /** Stored, not yet processed (or processing was interrupted): the recovery task takes it up. */
    RECEIVED,
    /** Became a ticket message (or a note); its ticket and message are recorded. */
    PROCESSED,
    /** Could not be processed; kept with the reason for an admin to look at and replay. */
    FAILED,
    /** Deliberately not turned into a message (the desk's own mail, an unmatched bounce); the reason says why. */
    IGNORED
}
