package it.sportello.ticket;

import it.sportello.customer.CustomerId;
import it.sportello.identity.GroupId;
import it.sportello.identity.UserId;
import it.sportello.shared.ConflictException;
import it.sportello.shared.SafeHtml;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.springframework.data.domain.AbstractAggregateRoot;

/**
 * A conversation with a customer. It guards its own life: every change goes through a method that
 * checks the transition, keeps the service-measurement timestamps and registers the event that
 * tells the rest of Sportello. Its messages are stored apart (a ticket may have hundreds) and are
 * made here, so the ticket's state and its conversation never disagree.
 */
@Entity
@Table(name = "ticket")
public class Ticket extends AbstractAggregateRoot<Ticket> {

    static final String SEQUENCE = "ticket_seq";

    @Id
    private Long id;

    @Column(nullable = false)
    private String subject;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false)
    private TicketStatus status;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false)
    private Priority priority;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false)
    private Channel channel;

    @Column(name = "requester_id", nullable = false)
    private Long requesterId;

    @Column(name = "assignee_id")
    private Long assigneeId;

    @Column(name = "group_id")
    private Long groupId;

    @ElementCollection(fetch = jakarta.persistence.FetchType.EAGER)
    @CollectionTable(name = "ticket_tag", joinColumns = @JoinColumn(name = "ticket_id"))
    @Column(name = "tag")
    private Set<String> tags = new TreeSet<>();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "first_reply_at")
    private Instant firstReplyAt;

    @Column(name = "last_customer_message_at")
    private Instant lastCustomerMessageAt;

    @Column(name = "last_agent_reply_at")
    private Instant lastAgentReplyAt;

    @Column(name = "solved_at")
    private Instant solvedAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "reopened_count", nullable = false)
    private int reopenedCount;

    @Column(name = "merged_into_id")
    private Long mergedIntoId;

    /** When the first of its service-level clocks falls due; kept by the sla module, outside the version. */
    @Column(name = "sla_due_at", insertable = false, updatable = false)
    private Instant slaDueAt;

    @Version
    private Long version;

    protected Ticket() {}

    /** Opens a ticket; its first message follows with {@link #receiveFromCustomer} or {@link #replyAsAgent}. */
    public Ticket(
            TicketId id,
            String subject,
            CustomerId requester,
            Channel channel,
            Priority priority,
            GroupId group,
            Collection<String> tags,
            Instant now) {
        this.id = id.value();
        this.subject = subject;
        this.requesterId = requester.value();
        this.channel = channel;
        this.priority = priority == null ? Priority.NORMAL : priority;
        this.groupId = group == null ? null : group.value();
        this.status = TicketStatus.NEW;
        this.tags.addAll(Tags.normalise(tags));
        this.createdAt = now;
        this.updatedAt = now;
        registerEvent(new TicketCreated(id(), requester, channel, this.priority, group, now));
    }

    /** A message from the customer. A solved ticket reopens; a pending one is the desk's turn again. */
    public Message receiveFromCustomer(MessageId messageId, SafeHtml body, Channel via, Instant now) {
        requireNotClosed("receive a message");
        if (status == TicketStatus.SOLVED) {
            reopenedCount++;
            moveTo(TicketStatus.OPEN, now);
        } else if (status == TicketStatus.PENDING) {
            moveTo(TicketStatus.OPEN, now);
        }
        boolean opening = lastCustomerMessageAt == null && firstReplyAt == null;
        lastCustomerMessageAt = now;
        touch(now);
        Message message = Message.fromCustomer(messageId, id(), requester(), body, via, now);
        registerEvent(new MessageReceived(id(), messageId, requester(), via, now, opening));
        return message;
    }

    /** A public answer from the desk. A new ticket becomes open: someone is on it. */
    public Message replyAsAgent(MessageId messageId, UserId agent, SafeHtml body, Instant now) {
        requireNotClosed("reply");
        boolean first = firstReplyAt == null;
        if (first) {
            firstReplyAt = now;
        }
        lastAgentReplyAt = now;
        if (status == TicketStatus.NEW) {
            moveTo(TicketStatus.OPEN, now);
        }
        touch(now);
        Message message = Message.fromAgent(messageId, id(), agent, body, channel, false, now);
        registerEvent(new AgentReplied(id(), messageId, agent, first, now));
        return message;
    }

    /** A note for colleagues only; allowed even on a closed ticket, since notes do not reach the customer. */
    public Message addNote(MessageId messageId, UserId agent, SafeHtml body, Instant now) {
        touch(now);
        registerEvent(new NoteAdded(id(), messageId, agent, now));
        return Message.fromAgent(messageId, id(), agent, body, channel, true, now);
    }

    /**
     * A note the desk itself writes (a bounce report from a mail server): internal, by no person,
     * and, like any note, it never changes the status.
     */
    public Message addSystemNote(MessageId messageId, SafeHtml body, Channel via, Instant now) {
        touch(now);
        registerEvent(new NoteAdded(id(), messageId, null, now));
        return Message.fromSystem(messageId, id(), body, via, now);
    }

    /**
     * A public answer by the desk itself (the chat bot answering from the FAQ). It is not an agent's
     * reply: the ticket's first-reply time and status stay as they are.
     */
    public Message answerAsDesk(MessageId messageId, SafeHtml body, Channel via, Instant now) {
        requireNotClosed("answer");
        touch(now);
        registerEvent(new DeskAnswered(id(), messageId, now));
        return Message.fromDesk(messageId, id(), body, via, now);
    }

    /** The conversation turns out to be with another customer (a chat visitor who gave their address). */
    public void changeRequester(CustomerId customer, Instant now) {
        if (requesterId.equals(customer.value())) {
            return;
        }
        requesterId = customer.value();
        touch(now);
        registerEvent(new TicketEdited(java.util.UUID.randomUUID(), id(), "requester", now));
    }

    /** Moves to {@code target} if the transition is legal; otherwise a conflict naming both statuses. */
    public void changeStatus(TicketStatus target, Instant now) {
        if (target == status) {
            return;
        }
        if (!status.canMoveTo(target)) {
            throw new ConflictException("A ticket cannot go from " + status.code() + " to " + target.code());
        }
        if (status == TicketStatus.SOLVED && target == TicketStatus.OPEN) {
            reopenedCount++;
        }
        moveTo(target, now);
        touch(now);
    }

    public void changePriority(Priority priority, Instant now) {
        requireNotClosed("change priority");
        if (priority != this.priority) {
            this.priority = priority;
            touch(now);
            registerEvent(new TicketEdited(UUID.randomUUID(), id(), "priority", now));
        }
    }

    public void changeSubject(String subject, Instant now) {
        requireNotClosed("change the subject");
        if (!subject.equals(this.subject)) {
            this.subject = subject;
            touch(now);
            registerEvent(new TicketEdited(UUID.randomUUID(), id(), "subject", now));
        }
    }

    /** Gives the ticket to an agent and/or a group; a null agent returns it to the group's queue. */
    public void assign(UserId agent, GroupId group, Instant now) {
        requireNotClosed("assign");
        Long newAssignee = agent == null ? null : agent.value();
        Long newGroup = group == null ? null : group.value();
        if (java.util.Objects.equals(newAssignee, assigneeId) && java.util.Objects.equals(newGroup, groupId)) {
            return;
        }
        UserId previous = assigneeId == null ? null : new UserId(assigneeId);
        assigneeId = newAssignee;
        groupId = newGroup;
        touch(now);
        registerEvent(new TicketAssigned(UUID.randomUUID(), id(), agent, group, now, previous));
    }

    public void retag(Collection<String> tags, Instant now) {
        requireNotClosed("change tags");
        Set<String> normalised = Tags.normalise(tags);
        if (!normalised.equals(this.tags)) {
            this.tags.clear();
            this.tags.addAll(normalised);
            touch(now);
            registerEvent(new TicketEdited(UUID.randomUUID(), id(), "tags", now));
        }
    }

    /**
     * Folds this ticket into {@code target}: this one closes with a link to it. The caller moves
     * the messages; the target records the activity.
     */
    public void mergeInto(Ticket target, Instant now) {
        if (target.id.equals(id)) {
            throw new ConflictException("A ticket cannot be merged into itself");
        }
        requireNotClosed("merge");
        target.requireNotClosed("receive a merge");
        mergedIntoId = target.id;
        moveTo(TicketStatus.CLOSED, now);
        touch(now);
        target.touch(now);
        registerEvent(new TicketMerged(UUID.randomUUID(), id(), target.id(), now));
    }

    private void moveTo(TicketStatus target, Instant now) {
        TicketStatus from = status;
        status = target;
        if (target == TicketStatus.SOLVED) {
            solvedAt = now;
        } else if (target == TicketStatus.CLOSED) {
            closedAt = now;
        } else if (target.isUnsolved()) {
            solvedAt = null;
        }
        registerEvent(new TicketStatusChanged(UUID.randomUUID(), id(), from, target, now));
    }

    private void requireNotClosed(String action) {
        if (status == TicketStatus.CLOSED) {
            throw new ConflictException("Ticket " + id + " is closed: cannot " + action
                    + (mergedIntoId != null ? " (it was merged into " + mergedIntoId + ")" : ""));
        }
    }

    private void touch(Instant now) {
        updatedAt = now;
    }

    public TicketId id() {
        return new TicketId(id);
    }

    public String subject() {
        return subject;
    }

    public TicketStatus status() {
        return status;
    }

    public Priority priority() {
        return priority;
    }

    public Channel channel() {
        return channel;
    }

    public CustomerId requester() {
        return new CustomerId(requesterId);
    }

    public Optional<UserId> assignee() {
        return Optional.ofNullable(assigneeId).map(UserId::new);
    }

    public Optional<GroupId> group() {
        return Optional.ofNullable(groupId).map(GroupId::new);
    }

    public Set<String> tags() {
        return java.util.Collections.unmodifiableSet(new TreeSet<>(tags));
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Optional<Instant> firstReplyAt() {
        return Optional.ofNullable(firstReplyAt);
    }

    public Optional<Instant> lastCustomerMessageAt() {
        return Optional.ofNullable(lastCustomerMessageAt);
    }

    public Optional<Instant> lastAgentReplyAt() {
        return Optional.ofNullable(lastAgentReplyAt);
    }

    public Optional<Instant> solvedAt() {
        return Optional.ofNullable(solvedAt);
    }

    /** When the most urgent of the ticket's running service-level clocks falls due, if one runs. */
    public Optional<Instant> slaDueAt() {
        return Optional.ofNullable(slaDueAt);
    }

    public Optional<Instant> closedAt() {
        return Optional.ofNullable(closedAt);
    }

    public int reopenedCount() {
        return reopenedCount;
    }

    public Optional<TicketId> mergedInto() {
        return Optional.ofNullable(mergedIntoId).map(TicketId::new);
    }

    /** The optimistic-locking version; a client that sends a stale one gets a conflict. */
    public long version() {
        return version == null ? 0 : version;
    }
}
