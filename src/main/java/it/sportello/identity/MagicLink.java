package it.sportello.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A one-time sign-in link sent to a customer by e-mail. Only the token's SHA-256 hash is stored,
 * so the table gives nobody a way in; the token itself exists only in the e-mail.
 */
@Entity
@Table(name = "magic_link")
class MagicLink {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "magic_link_seq")
    @SequenceGenerator(name = "magic_link_seq", sequenceName = "magic_link_seq", allocationSize = 50)
    private Long id;

    @Column(name = "user_id", nullable = false)
    private Long userId;

    @Column(name = "token_hash", nullable = false, unique = true)
    private String tokenHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    protected MagicLink() {}

    MagicLink(UserId user, String tokenHash, Instant now, Instant expiresAt) {
        this.userId = user.value();
        this.tokenHash = tokenHash;
        this.createdAt = now;
        this.expiresAt = expiresAt;
    }

    UserId user() {
        return new UserId(userId);
    }

    boolean usableAt(Instant now) {
        return usedAt == null && now.isBefore(expiresAt);
    }
}
