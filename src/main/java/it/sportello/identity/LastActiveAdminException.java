package it.sportello.identity;

import it.sportello.shared.ConflictException;

/** Refuses a change that would leave the desk without an active admin (a 409 in the API, a field error on a page). */
public class LastActiveAdminException extends ConflictException {

    public LastActiveAdminException() {
        super("The last active admin cannot be demoted or deactivated");
    }
}
