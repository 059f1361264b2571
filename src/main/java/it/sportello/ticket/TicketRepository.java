package it.sportello.ticket;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface TicketRepository extends JpaRepository<Ticket, Long>, JpaSpecificationExecutor<Ticket> {

    /** The ticket with its row locked until the transaction ends (select ... for update). */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select t from Ticket t where t.id = :id")
    Optional<Ticket> findByIdForUpdate(Long id);

    /** Per assignee among {@code agents}: [assignee id, count of their tickets in {@code statuses}]. */
    @Query("select t.assigneeId, count(t) from Ticket t where t.assigneeId in :agents and t.status in :statuses"
            + " group by t.assigneeId")
    List<Object[]> countByAssignee(Collection<Long> agents, Collection<TicketStatus> statuses);

    /**
     * Sets when the ticket's most urgent clock falls due. A plain update on purpose: the clocks are
     * the desk's bookkeeping, and an agent's screen must not see a conflict because a timer moved.
     */
    @Modifying
    @Query("update Ticket t set t.slaDueAt = :dueAt where t.id = :id")
    int updateSlaDueAt(Long id, Instant dueAt);

    String FACTS = "select new it.sportello.ticket.TicketFacts(t.id, t.channel, t.priority, t.status, t.groupId,"
            + " t.assigneeId, t.createdAt, t.firstReplyAt, t.solvedAt, t.mergedIntoId) from Ticket t";

    @Query(FACTS + " where t.createdAt >= :from and t.createdAt < :to")
    List<TicketFacts> findFactsCreatedBetween(Instant from, Instant to);

    @Query(FACTS + " where t.id in :ids")
    List<TicketFacts> findFactsByIdIn(Collection<Long> ids);
}
