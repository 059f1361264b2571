package it.sportello.ticket;

import it.sportello.identity.GroupId;
import it.sportello.identity.UserId;
import java.time.Instant;
import java.util.UUID;

/**
 * A ticket's assignee or group changed; a null assignee means it went back to the group's queue.
 * {@code previousAssigneeId} is who had it before (null: nobody), so the desk knows whose load fell.
 */
public record TicketAssigned(
        UUID eventId,
        TicketId ticketId,
        UserId assigneeId,
        GroupId groupId,
        Instant occurredAt,
        UserId previousAssigneeId) {

    public TicketAssigned(UUID eventId, TicketId ticketId, UserId assigneeId, GroupId groupId, Instant occurredAt) {
        this(eventId, ticketId, assigneeId, groupId, occurredAt, null);
    }
}
