package it.sportello.sla;

import it.sportello.identity.UserId;
import it.sportello.ticket.TicketId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/**
 * Something the company records against a ticket for its standards to measure ("consegna": the
 * goods were delivered). A ticket reaches each named milestone once: the first record stands.
 */
@Entity
@Table(name = "sla_milestone")
public class Milestone {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sla_milestone_seq")
    @SequenceGenerator(name = "sla_milestone_seq", sequenceName = "sla_milestone_seq", allocationSize = 50)
    private Long id;

    @Column(name = "ticket_id", nullable = false)
    private Long ticketId;

    @Column(nullable = false, length = 60)
    private String name;

    @Column(name = "reached_at", nullable = false)
    private Instant reachedAt;

    @Column(length = 500)
    private String note;

    @Column(name = "recorded_by_id")
    private Long recordedById;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    protected Milestone() {}

    Milestone(TicketId ticket, String name, Instant reachedAt, String note, UserId recordedBy, Instant now) {
        this.ticketId = ticket.value();
        this.name = name;
        this.reachedAt = reachedAt;
        this.note = note;
        this.recordedById = recordedBy == null ? null : recordedBy.value();
        this.recordedAt = now;
    }

    public long id() {
        return id;
    }

    public TicketId ticketId() {
        return new TicketId(ticketId);
    }

    public String name() {
        return name;
    }

    /** When the milestone was reached (it may be recorded later than that). */
    public Instant reachedAt() {
        return reachedAt;
    }

    public Optional<String> note() {
        return Optional.ofNullable(note);
    }

    public Optional<UserId> recordedBy() {
        return Optional.ofNullable(recordedById).map(UserId::new);
    }

    public Instant recordedAt() {
        return recordedAt;
    }
}
