package it.sportello.ticket;

import it.sportello.identity.GroupId;
import it.sportello.identity.UserId;
import java.time.Instant;
import java.util.Optional;

/**
 * The facts of a ticket that service measurements read, without its conversation: where it came
 * from, who has it, and when it was opened, first answered by a person and solved. Read many at
 * once for reports ({@link TicketManagement#factsOpenedBetween}).
 */
public record TicketFacts(
        long id,
        Channel channel,
        Priority priority,
        TicketStatus status,
        Long groupId,
        Long assigneeId,
        Instant createdAt,
        Instant firstReplyAt,
        Instant solvedAt,
        Long mergedIntoId) {

    public TicketId ticketId() {
        return new TicketId(id);
    }

    public Optional<GroupId> group() {
        return Optional.ofNullable(groupId).map(GroupId::new);
    }

    public Optional<UserId> assignee() {
        return Optional.ofNullable(assigneeId).map(UserId::new);
    }

    /** Folded into another ticket: its conversation lives on there. */
    public boolean merged() {
        return mergedIntoId != null;
    }

    /** Solved or closed: the desk considers it done. */
    public boolean done() {
        return !status.isUnsolved();
    }
}
