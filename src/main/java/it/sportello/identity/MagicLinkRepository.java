package it.sportello.identity;

import java.time.Instant;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface MagicLinkRepository extends JpaRepository<MagicLink, Long> {

    Optional<MagicLink> findByTokenHash(String tokenHash);

    /**
     * Marks the link used if it still can be; 1 when this call used it, 0 when it was used,
     * expired or unknown. One statement, so two clicks at once cannot both sign in.
     */
    @Modifying
    @Query("update MagicLink m set m.usedAt = :now where m.tokenHash = :tokenHash"
            + " and m.usedAt is null and m.expiresAt > :now")
    int use(String tokenHash, Instant now);

    @Modifying
    @Query("delete from MagicLink m where m.expiresAt < :before")
    int deleteExpiredBefore(Instant before);
}
