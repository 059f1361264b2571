package it.sportello.channel.chat;

import it.sportello.shared.AssignedIdEntity;
import it.sportello.shared.ConflictException;
import it.sportello.shared.SupportedLocale;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Optional;

/**
 * One live conversation: who the visitor is (as far as they said), where the chat is, which person
 * has it, and the number of its last line. Its ticket is made with the visitor's first message.
 */
@Entity
@Table(name = "chat")
public class Chat extends AssignedIdEntity {

    public static final String SEQUENCE = "chat_seq";

    @Column(name = "visitor_token_hash", nullable = false, updatable = false)
    private String visitorTokenHash;

    @Column(name = "ticket_id")
    private Long ticketId;

    @Column(name = "customer_id")
    private Long customerId;

    @Column(name = "visitor_name")
    private String visitorName;

    @Column(name = "visitor_email")
    private String visitorEmail;

    @Column(nullable = false)
    private String locale;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ChatState state;

    @Column(name = "agent_id")
    private Long agentId;

    @Column(name = "group_id")
    private Long groupId;

    @Column(name = "last_seq", nullable = false)
    private int lastSeq;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "waiting_since")
    private Instant waitingSince;

    @Column(name = "accepted_at")
    private Instant acceptedAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Version
    private long version;

    protected Chat() {}

    Chat(long id, String visitorTokenHash, SupportedLocale locale, Instant now) {
        super(id);
        this.visitorTokenHash = visitorTokenHash;
        this.locale = locale.code();
        this.state = ChatState.BOT;
        this.createdAt = now;
    }

    /** The number the next line of this chat gets. */
    int nextSeq() {
        return ++lastSeq;
    }

    void identify(String name, String email, Long customer) {
        if (name != null && !name.isBlank()) {
            this.visitorName = name;
        }
        if (email != null) {
            this.visitorEmail = email;
        }
        this.customerId = customer;
    }

    void belongsTo(long ticket, long customer) {
        this.ticketId = ticket;
        this.customerId = customer;
    }

    /** Into the queue for a person (of {@code group}, if given): from the bot, or handed back by an agent. */
    void queue(Long group, Instant now) {
        requireLive("queue");
        state = ChatState.WAITING;
        agentId = null;
        groupId = group;
        waitingSince = now;
    }

    void accept(long agent, Instant now) {
        if (state != ChatState.WAITING) {
            throw new ConflictException("chat " + getId() + " is " + state.code() + ", not waiting");
        }
        state = ChatState.ACTIVE;
        agentId = agent;
        acceptedAt = now;
    }

    /** Straight to another person, who takes it as it is. */
    void handTo(long agent) {
        if (state != ChatState.ACTIVE) {
            throw new ConflictException("chat " + getId() + " is " + state.code() + ", not active");
        }
        agentId = agent;
    }

    void end(Instant now) {
        requireLive("end");
        state = ChatState.ENDED;
        endedAt = now;
    }

    void requireLive(String action) {
        if (!state.live()) {
            throw new ConflictException("chat " + getId() + " has ended: cannot " + action);
        }
    }

    public long id() {
        return getId();
    }

    String visitorTokenHash() {
        return visitorTokenHash;
    }

    public Optional<Long> ticketId() {
        return Optional.ofNullable(ticketId);
    }

    public Optional<Long> customerId() {
        return Optional.ofNullable(customerId);
    }

    public Optional<String> visitorName() {
        return Optional.ofNullable(visitorName);
    }

    public Optional<String> visitorEmail() {
        return Optional.ofNullable(visitorEmail);
    }

    public SupportedLocale locale() {
        return SupportedLocale.fromCode(locale).orElse(SupportedLocale.IT);
    }

    public ChatState state() {
        return state;
    }

    public Optional<Long> agentId() {
        return Optional.ofNullable(agentId);
    }

    public Optional<Long> groupId() {
        return Optional.ofNullable(groupId);
    }

    public int lastSeq() {
        return lastSeq;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Optional<Instant> waitingSince() {
        return Optional.ofNullable(waitingSince);
    }

    public Optional<Instant> acceptedAt() {
        return Optional.ofNullable(acceptedAt);
    }

    public Optional<Instant> endedAt() {
        return Optional.ofNullable(endedAt);
    }
}
