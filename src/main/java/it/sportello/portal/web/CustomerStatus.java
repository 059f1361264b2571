package it.sportello.portal.web;

import it.sportello.ticket.TicketStatus;

/**
 * A request's status in the customer's words. The desk's finer states (new, open, on hold) all
 * mean the same to the customer: someone is on it.
 */
enum CustomerStatus {
    IN_PROGRESS,
    WAITING_FOR_YOU,
    SOLVED,
    CLOSED;

    static CustomerStatus of(TicketStatus status) {
        return switch (status) {
            case NEW, OPEN, ON_HOLD -> IN_PROGRESS;
            case PENDING -> WAITING_FOR_YOU;
            case SOLVED -> SOLVED;
            case CLOSED -> CLOSED;
        };
    }

    /** The key of its label in the portal's messages, e.g. {@code portal.status.waiting-for-you}. */
    public String messageKey() {
        return "portal.status." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** The badge class, e.g. {@code portal-status-waiting-for-you}. */
    public String cssClass() {
        return "portal-status-" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
