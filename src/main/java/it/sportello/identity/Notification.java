package it.sportello.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A notice for one person of the desk. It keeps a message key and its arguments rather than a text,
 * so each reader sees it in their own language.
 */
@Entity
@Table(name = "notification")
public class Notification {

    /** Separates the arguments in one column; a control character no argument contains once cleaned. */
    static final String SEPARATOR = "\u001f";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "notification_seq")
    @SequenceGenerator(name = "notification_seq", sequenceName = "notification_seq", allocationSize = 50)
    private Long id;

    @Column(name = "recipient_id", nullable = false)
    private Long recipientId;

    @Column(name = "message_key", nullable = false)
    private String messageKey;

    @Column(nullable = false, length = 2000)
    private String arguments;

    @Column
    private String link;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "read_at")
    private Instant readAt;

    protected Notification() {}

    Notification(UserId recipient, String messageKey, List<String> arguments, String link, Instant now) {
        this.recipientId = recipient.value();
        this.messageKey = messageKey;
        this.arguments = String.join(SEPARATOR, arguments);
        this.link = link;
        this.createdAt = now;
    }

    public long id() {
        return id;
    }

    public UserId recipient() {
        return new UserId(recipientId);
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.isEmpty()
                ? new Object[0]
                : Arrays.stream(arguments.split(SEPARATOR, -1)).toArray();
    }

    /** A path inside the desk the notice is about ("/tickets/42"). */
    public Optional<String> link() {
        return Optional.ofNullable(link);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public boolean isRead() {
        return readAt != null;
    }

    void markRead(Instant now) {
        if (readAt == null) {
            readAt = now;
        }
    }
}
