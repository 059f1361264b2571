package it.sportello.ticket.web;

import it.sportello.ticket.Priority;
import it.sportello.ticket.TicketStatus;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A partial change of a ticket. Absent fields stay; {@code "assigneeId": null} unassigns and
 * {@code "groupId": null} clears the group, so the form remembers which fields were sent at all
 * (a record cannot tell an absent field from a null one). {@code version}, like an
 * {@code If-Match} header, refuses a stale change.
 */
final class TicketChangesForm {

    private TicketStatus status;
    private Priority priority;
    private @Positive Long assigneeId;
    private boolean assigneeSent;
    private @Positive Long groupId;
    private boolean groupSent;
    private @Size(max = 30) List<@Size(max = 50) String> tags;
    private @Size(min = 1, max = 250) String subject;
    private Long version;

    TicketStatus status() {
        return status;
    }

    Priority priority() {
        return priority;
    }

    /** Null when absent; empty when sent as null (clear); the id otherwise. */
    java.util.Optional<Long> assigneeId() {
        return assigneeSent ? java.util.Optional.ofNullable(assigneeId) : null;
    }

    java.util.Optional<Long> groupId() {
        return groupSent ? java.util.Optional.ofNullable(groupId) : null;
    }

    List<String> tags() {
        return tags;
    }

    String subject() {
        return subject;
    }

    Long version() {
        return version;
    }

    public void setStatus(TicketStatus status) {
        this.status = status;
    }

    public void setPriority(Priority priority) {
        this.priority = priority;
    }

    public void setAssigneeId(Long assigneeId) {
        this.assigneeId = assigneeId;
        this.assigneeSent = true;
    }

    public void setGroupId(Long groupId) {
        this.groupId = groupId;
        this.groupSent = true;
    }

    public void setTags(List<String> tags) {
        this.tags = tags;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }

    public void setVersion(Long version) {
        this.version = version;
    }
}
