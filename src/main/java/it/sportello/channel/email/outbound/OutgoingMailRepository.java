package it.sportello.channel.email.outbound;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface OutgoingMailRepository extends JpaRepository<OutgoingMail, Long> {

    boolean existsByMessageIdAndKind(Long messageId, MailKind kind);

    @Query("select m.id from OutgoingMail m where m.status = :status and m.nextAttemptAt <= :now"
            + " order by m.nextAttemptAt, m.id")
    List<Long> due(MailStatus status, Instant now, Pageable batch);

    /**
     * Takes a due mail for one sending node: counts the try and moves its next attempt to the end of
     * the lease, only if it is still queued and due. Of two nodes racing, one updates a row (1) and
     * the other, waiting on the row lock, finds the condition no longer true (0).
     */
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update OutgoingMail m set m.attempts = m.attempts + 1, m.nextAttemptAt = :leaseUntil"
            + " where m.id = :id and m.status = :status and m.nextAttemptAt <= :now")
    int claim(Long id, MailStatus status, Instant now, Instant leaseUntil);

    /** The desk's latest mail on a ticket, which its next one answers when the customer has not written since. */
    Optional<OutgoingMail> findFirstByTicketIdOrderByCreatedAtDescIdDesc(Long ticketId);

    /** A query of its own, not a derived one: derived queries are built afresh on every call, and this runs for every new ticket. */
    @Query("select count(m) from OutgoingMail m where m.to = :to and m.kind = :kind and m.createdAt > :since")
    long countByToAndKindAndCreatedAtAfter(
            @Param("to") String to, @Param("kind") MailKind kind, @Param("since") Instant since);

    Page<OutgoingMail> findByStatus(MailStatus status, Pageable pageable);
}
