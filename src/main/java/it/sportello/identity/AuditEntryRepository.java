package it.sportello.identity;

import java.time.Instant;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AuditEntryRepository extends JpaRepository<AuditEntry, Long> {

    /** {@code since} is never null: PostgreSQL cannot type a timestamp parameter in "? is null". */
    @Query("select a from AuditEntry a where (:action is null or a.action = :action)"
            + " and a.occurredAt >= :since order by a.occurredAt desc, a.id desc")
    Page<AuditEntry> search(String action, Instant since, Pageable pageable);

    /** Patterns and bounds are never null (any: {@code "%"}, the epoch, the far future), for the same reason. */
    @Query("select a from AuditEntry a where lower(a.actor) like :actorPattern escape '\\'"
            + " and a.action like :actionPattern escape '\\'"
            + " and a.occurredAt >= :since and a.occurredAt < :until order by a.occurredAt desc, a.id desc")
    Page<AuditEntry> filter(String actorPattern, String actionPattern, Instant since, Instant until, Pageable pageable);
}
