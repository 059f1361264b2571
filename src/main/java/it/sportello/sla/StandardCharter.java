package it.sportello.sla;

import it.sportello.identity.UserId;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A published version of the service standards, the "Carta dei servizi": the active standards as
 * they read when a supervisor published them, numbered 1, 2, ... The team reads the latest one;
 * drafts edited since stay unseen until the next publication. Never changed once written.
 */
@Entity
@Table(name = "sla_standard_charter")
public class StandardCharter {

    @Id
    private Long id;

    @Column(name = "published_at", nullable = false)
    private Instant publishedAt;

    @Column(name = "published_by_id")
    private Long publishedById;

    @Column(name = "published_by", nullable = false, length = 200)
    private String publishedBy;

    @Convert(converter = StandardCharterContent.class)
    @Column(nullable = false, length = 1_000_000)
    private List<StandardTerms> standards;

    protected StandardCharter() {}

    StandardCharter(
            long number, Instant publishedAt, UserId publisher, String publishedBy, List<StandardTerms> standards) {
        this.id = number;
        this.publishedAt = publishedAt;
        this.publishedById = publisher == null ? null : publisher.value();
        this.publishedBy = publishedBy;
        this.standards = List.copyOf(standards);
    }

    /** The charter's number: 1 for the first published, then one more each time. */
    public long number() {
        return id;
    }

    public Instant publishedAt() {
        return publishedAt;
    }

    public Optional<UserId> publisherId() {
        return Optional.ofNullable(publishedById).map(UserId::new);
    }

    /** The publisher's name as it was then. */
    public String publishedBy() {
        return publishedBy;
    }

    public List<StandardTerms> standards() {
        return standards;
    }
}
