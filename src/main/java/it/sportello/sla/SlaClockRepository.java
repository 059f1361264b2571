package it.sportello.sla;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface SlaClockRepository extends JpaRepository<SlaClock, Long> {

    List<SlaClock> findByTicketIdOrderById(long ticketId);

    List<SlaClock> findByTicketIdIn(Collection<Long> ticketIds);

    Optional<SlaClock> findByTicketIdAndTarget(long ticketId, SlaTarget target);
}
