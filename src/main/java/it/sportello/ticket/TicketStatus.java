package it.sportello.ticket;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import it.sportello.shared.EnumCodes;
import java.util.EnumSet;
import java.util.Set;

/**
 * Where a ticket stands. New until someone works it; open while the desk owes an answer; pending
 * while it waits on the customer; on hold while it waits on a third party; solved when the desk
 * considers it done (the customer can still reopen it); closed for good.
 */
public enum TicketStatus {
    NEW,
    OPEN,
    PENDING,
    ON_HOLD,
    SOLVED,
    CLOSED;

    /** The statuses in which the desk still has work to do. */
    public static final Set<TicketStatus> UNSOLVED = EnumSet.of(NEW, OPEN, PENDING, ON_HOLD);

    /** Whether a person may move a ticket from this status to {@code target}. */
    public boolean canMoveTo(TicketStatus target) {
        return switch (this) {
            case NEW, OPEN, PENDING, ON_HOLD -> target != NEW && target != CLOSED && target != this;
            case SOLVED -> target == OPEN || target == CLOSED;
            case CLOSED -> false;
        };
    }

    public boolean isUnsolved() {
        return UNSOLVED.contains(this);
    }

    @JsonValue
    public String code() {
        return EnumCodes.code(this);
    }

    @JsonCreator
    public static TicketStatus fromCode(String code) {
        return EnumCodes.parse(TicketStatus.class, code, "status");
    }
}
