package it.sportello.automation;

import it.sportello.ticket.Channel;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * What a new ticket on a channel is acknowledged with: a subject and a body per language, whose
 * {@code {{promise}}} is the first response the applicable standard promises.
 */
@Entity
@Table(name = "automation_acknowledgement")
public class AcknowledgementTemplate {

    /** The channels that acknowledge in writing. */
    public static final java.util.List<Channel> CHANNELS = java.util.List.of(Channel.EMAIL, Channel.WEB);

    @Id
    private String channel;

    @Column(nullable = false)
    private boolean active;

    @Column(name = "subject_it", nullable = false, length = 300)
    private String subjectIt;

    @Column(name = "body_it", nullable = false, length = 1_000_000)
    private String bodyIt;

    @Column(name = "subject_en", nullable = false, length = 300)
    private String subjectEn;

    @Column(name = "body_en", nullable = false, length = 1_000_000)
    private String bodyEn;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected AcknowledgementTemplate() {}

    void change(AcknowledgementDraft draft, Instant now) {
        this.active = draft.active();
        this.subjectIt = draft.subjectIt();
        this.bodyIt = draft.bodyIt();
        this.subjectEn = draft.subjectEn();
        this.bodyEn = draft.bodyEn();
        this.updatedAt = now;
    }

    public Channel channel() {
        return Channel.fromCode(channel);
    }

    public boolean active() {
        return active;
    }

    public String subjectIt() {
        return subjectIt;
    }

    public String bodyIt() {
        return bodyIt;
    }

    public String subjectEn() {
        return subjectEn;
    }

    public String bodyEn() {
        return bodyEn;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }
}
