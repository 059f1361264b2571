package it.sportello.ticket.web;

import it.sportello.ticket.TicketStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The inbox's views: which tickets each one holds. Called a folder here so it is not mistaken for
 * the {@code XxxView} records pages are rendered from; the URL and the page call it a view.
 */
enum InboxFolder {
    /** Assigned to me and not yet solved. */
    MINE,
    /** Nobody has it yet, and the desk still has work to do. */
    UNASSIGNED,
    /** Everything not solved or closed. */
    OPEN,
    /** Waiting on the customer. */
    PENDING,
    /** Waiting on a third party. */
    ON_HOLD,
    /** Solved in the last week (a reopened or closed ticket leaves it). */
    SOLVED;

    static final InboxFolder DEFAULT = OPEN;

    /** How far back "recently solved" looks. */
    static final Duration RECENTLY = Duration.ofDays(7);

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    static Optional<InboxFolder> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String wanted = code.strip().replace('-', '_');
        for (InboxFolder folder : values()) {
            if (folder.code().equalsIgnoreCase(wanted)) {
                return Optional.of(folder);
            }
        }
        return Optional.empty();
    }

    Set<TicketStatus> statuses() {
        return switch (this) {
            case MINE, UNASSIGNED, OPEN -> TicketStatus.UNSOLVED;
            case PENDING -> EnumSet.of(TicketStatus.PENDING);
            case ON_HOLD -> EnumSet.of(TicketStatus.ON_HOLD);
            case SOLVED -> EnumSet.of(TicketStatus.SOLVED);
        };
    }

    boolean onlyMine() {
        return this == MINE;
    }

    boolean onlyUnassigned() {
        return this == UNASSIGNED;
    }

    /** The earliest solved time the folder keeps, or null when it does not look at it. */
    Instant solvedSince(Instant now) {
        return this == SOLVED ? now.minus(RECENTLY) : null;
    }
}
