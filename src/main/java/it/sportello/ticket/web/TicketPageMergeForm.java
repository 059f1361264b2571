package it.sportello.ticket.web;

/**
 * Merging this ticket into another: {@code target} is the other ticket's number as the agent typed
 * it ("123" or "#123"); {@code confirmed} is set by the confirmation step.
 */
record TicketPageMergeForm(String target, Boolean confirmed) {

    boolean isConfirmed() {
        return Boolean.TRUE.equals(confirmed);
    }

    /** The number typed, or null when it is not one. */
    Long targetId() {
        String digits = target == null ? "" : target.strip().replaceFirst("^#", "");
        return digits.matches("\\d{1,18}") ? Long.valueOf(digits) : null;
    }
}
