package it.sportello.ticket.web;

import it.sportello.ticket.TicketStatus;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A message: {@code body} in plain text and/or {@code html} (sanitised on arrival). {@code type}
 * is {@code reply} (default) or {@code note}; {@code status} optionally changes the ticket in the same step.
 */
record MessageForm(
        @Size(max = 100_000) String body,
        @Size(max = 500_000) String html,

        @Pattern(regexp = "reply|note", message = "must be reply or note")
        String type,

        TicketStatus status) {

    boolean isNote() {
        return "note".equals(type);
    }
}
