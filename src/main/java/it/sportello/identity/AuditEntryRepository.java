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
}
