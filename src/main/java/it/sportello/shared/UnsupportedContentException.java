package it.sportello.shared;

/** Content whose type is refused, or whose bytes do not match the type it claims. Maps to 415. */
public class UnsupportedContentException extends RuntimeException {

    public UnsupportedContentException(String message) {
        super(message);
    }
}
