package it.sportello.ticket.web;

import it.sportello.ticket.TicketStatus;

/**
 * The reply box: a public {@code reply} (the default) or an internal {@code note}, and optionally
 * the status the ticket takes once it is sent.
 */
record TicketPageReplyForm(String body, String mode, TicketStatus statusAfter) {

    static final int MAX_BODY = 100_000;

    static TicketPageReplyForm empty() {
        return new TicketPageReplyForm("", "reply", null);
    }

    public boolean note() {
        return "note".equals(mode);
    }

    public String mode() {
        return note() ? "note" : "reply";
    }
}
