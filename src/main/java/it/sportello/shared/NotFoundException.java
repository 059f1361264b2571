package it.sportello.shared;

/**
 * Something asked for does not exist, or the caller may not know that it exists (a customer
 * asking for another customer's ticket gets this too, so ids cannot be probed). Maps to 404.
 */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, Object id) {
        super(what + " " + id + " not found");
    }
}
