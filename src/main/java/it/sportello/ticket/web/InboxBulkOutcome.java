package it.sportello.ticket.web;

import java.io.Serializable;
import java.util.List;

/**
 * What a bulk action did: how many tickets changed, and which did not and why (a message key
 * suffix). {@code problem} is set instead when the request itself could not be carried out (nothing
 * selected, no status chosen); then nothing changed. Serializable: it survives a redirect as a flash
 * attribute.
 */
record InboxBulkOutcome(int done, List<Failure> failures, String problem) implements Serializable {

    record Failure(long ticket, String reason) implements Serializable {}

    InboxBulkOutcome {
        failures = List.copyOf(failures);
    }

    static InboxBulkOutcome refused(String problem) {
        return new InboxBulkOutcome(0, List.of(), problem);
    }

    public boolean refused() {
        return problem != null;
    }
}
