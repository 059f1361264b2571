package it.sportello.channel.email.inbound;

/** A stored message that cannot be read as mail; its text is the reason admins see. */
public class UnreadableMessageException extends RuntimeException {

    public UnreadableMessageException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
