package it.sportello.ticket.web;

import java.util.List;

/**
 * A bulk action as the inbox posts it: the selected tickets, which button was pressed
 * ({@code assign} or {@code status}) and its value. Read as text, so a tampered value becomes a
 * message on the page rather than an error page.
 */
record InboxBulkForm(List<String> ids, String action, String assignee, String status) {

    InboxBulkForm {
        ids = ids == null ? List.of() : List.copyOf(ids);
    }
}
