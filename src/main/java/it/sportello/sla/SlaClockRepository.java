package it.sportello.sla;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface SlaClockRepository extends JpaRepository<SlaClock, Long> {

    List<SlaClock> findByTicketIdOrderById(long ticketId);

    List<SlaClock> findByTicketIdIn(Collection<Long> ticketIds);

    Optional<SlaClock> findByTicketIdAndTarget(long ticketId, SlaTarget target);

    @Query("""
            select new it.sportello.sla.DueClock(c.ticketId, c.target) from SlaClock c
            where c.state = it.sportello.sla.SlaClockState.RUNNING and c.warned = false and c.warnAt <= :now
            order by c.warnAt, c.id""")
    List<DueClock> warningsDue(@Param("now") Instant now, Pageable page);

    @Query("""
            select new it.sportello.sla.DueClock(c.ticketId, c.target) from SlaClock c
            where c.state = it.sportello.sla.SlaClockState.RUNNING and c.breachedInCycle = false and c.dueAt <= :now
            order by c.dueAt, c.id""")
    List<DueClock> breachesDue(@Param("now") Instant now, Pageable page);
}
