package it.sportello.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One line of the audit log: who did what to which thing, when and from where. Never changed once written. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_entry_seq")
    @SequenceGenerator(name = "audit_entry_seq", sequenceName = "audit_entry_seq", allocationSize = 50)
    private Long id;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(name = "actor_user_id")
    private Long actorUserId;

    @Column(name = "actor", nullable = false)
    private String actor;

    @Column(nullable = false)
    private String action;

    @Column
    private String target;

    @Column(length = 2000)
    private String details;

    @Column(name = "remote_address")
    private String remoteAddress;

    protected AuditEntry() {}

    AuditEntry(
            Instant occurredAt,
            UserId actorId,
            String actor,
            String action,
            String target,
            String details,
            String remoteAddress) {
        this.occurredAt = occurredAt;
        this.actorUserId = actorId == null ? null : actorId.value();
        this.actor = actor;
        this.action = action;
        this.target = target;
        this.details = details == null || details.length() <= 2000 ? details : details.substring(0, 2000);
        this.remoteAddress = remoteAddress;
    }

    public long id() {
        return id;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public UserId actorId() {
        return actorUserId == null ? null : new UserId(actorUserId);
    }

    public String actor() {
        return actor;
    }

    public String action() {
        return action;
    }

    public String target() {
        return target;
    }

    public String details() {
        return details;
    }

    public String remoteAddress() {
        return remoteAddress;
    }
}
