package it.sportello.channel.email.outbound;

import it.sportello.shared.AssignedIdEntity;
import it.sportello.shared.ConflictException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One mail of the outbox, complete with everything it needs to be sent again after a restart:
 * addresses, subject, threading headers, bodies and the ids of its attachments. It records its
 * own tries: {@link #sent}, {@link #failed} (queued again after a back-off, or given up on),
 * and {@link #retry} by an admin.
 */
@Entity
@Table(name = "channel_email_outbox")
class OutgoingMail extends AssignedIdEntity {

    static final String SEQUENCE = "channel_email_outbox_seq";

    private static final int MAX_ERROR = 500;

    @Column(name = "ticket_id", nullable = false)
    private Long ticketId;

    @Column(name = "message_id")
    private Long messageId;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false)
    private MailKind kind;

    @Column(name = "to_address", nullable = false)
    private String to;

    @Column(name = "from_address", nullable = false)
    private String from;

    @Column(nullable = false)
    private String subject;

    @Column(name = "mail_message_id", nullable = false)
    private String mailMessageId;

    @Column(name = "in_reply_to")
    private String inReplyTo;

    @Column(name = "mail_references")
    private String references;

    @Column(name = "body_text", nullable = false, length = 1_000_000)
    private String bodyText;

    @Column(name = "body_html", length = 1_000_000)
    private String bodyHtml;

    @Column(name = "attachment_ids")
    private String attachmentIds;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false)
    private MailStatus status;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    protected OutgoingMail() {}

    OutgoingMail(long id, Draft draft, Instant now) {
        super(id);
        this.ticketId = draft.ticketId();
        this.messageId = draft.messageId();
        this.kind = draft.kind();
        this.to = draft.to();
        this.from = draft.from();
        this.subject = draft.subject();
        this.mailMessageId = draft.mailMessageId();
        this.inReplyTo = draft.inReplyTo();
        this.references = draft.references().isEmpty() ? null : String.join(" ", draft.references());
        this.bodyText = draft.bodyText();
        this.bodyHtml = draft.bodyHtml();
        this.attachmentIds = draft.attachmentIds().isEmpty()
                ? null
                : String.join(
                        ",", draft.attachmentIds().stream().map(String::valueOf).toList());
        this.status = MailStatus.QUEUED;
        this.attempts = 0;
        this.nextAttemptAt = now;
        this.createdAt = now;
    }

    /** What a mail is made of, before it is queued. */
    record Draft(
            long ticketId,
            Long messageId,
            MailKind kind,
            String to,
            String from,
            String subject,
            String mailMessageId,
            String inReplyTo,
            List<String> references,
            String bodyText,
            String bodyHtml,
            List<Long> attachmentIds) {}

    /** The SMTP server accepted it. */
    void sent(Instant now) {
        status = MailStatus.SENT;
        sentAt = now;
        lastError = null;
    }

    /**
     * This try failed (the claim already counted it): queued again after the back-off, or FAILED
     * after the last allowed try. {@code error} must say what went wrong without any secret.
     */
    void failed(String error, Instant now, OutboundMailSettings.Outbox policy) {
        lastError = error == null ? null : error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error;
        if (attempts >= policy.maxAttempts()) {
            status = MailStatus.FAILED;
        } else {
            status = MailStatus.QUEUED;
            nextAttemptAt = now.plus(policy.backoff(attempts));
        }
    }

    /** An admin sends a mail that was given up on once more, with a fresh count of tries. */
    void retry(Instant now) {
        if (status != MailStatus.FAILED) {
            throw new ConflictException("Only a failed mail can be retried; this one is " + status.code());
        }
        status = MailStatus.QUEUED;
        attempts = 0;
        nextAttemptAt = now;
    }

    long id() {
        return getId();
    }

    long ticketId() {
        return ticketId;
    }

    Optional<Long> messageId() {
        return Optional.ofNullable(messageId);
    }

    MailKind kind() {
        return kind;
    }

    String to() {
        return to;
    }

    String from() {
        return from;
    }

    String subject() {
        return subject;
    }

    String mailMessageId() {
        return mailMessageId;
    }

    Optional<String> inReplyTo() {
        return Optional.ofNullable(inReplyTo);
    }

    Optional<String> references() {
        return Optional.ofNullable(references);
    }

    String bodyText() {
        return bodyText;
    }

    Optional<String> bodyHtml() {
        return Optional.ofNullable(bodyHtml);
    }

    List<Long> attachmentIds() {
        return attachmentIds == null
                ? List.of()
                : Arrays.stream(attachmentIds.split(",")).map(Long::valueOf).toList();
    }

    MailStatus status() {
        return status;
    }

    int attempts() {
        return attempts;
    }

    Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    Optional<String> lastError() {
        return Optional.ofNullable(lastError);
    }

    Instant createdAt() {
        return createdAt;
    }

    Optional<Instant> sentAt() {
        return Optional.ofNullable(sentAt);
    }
}
