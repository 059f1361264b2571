package it.sportello.sla;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface MilestoneRepository extends JpaRepository<Milestone, Long> {

    List<Milestone> findByTicketIdOrderByReachedAtAscIdAsc(Long ticketId);

    Optional<Milestone> findByTicketIdAndName(Long ticketId, String name);

    List<Milestone> findByNameInAndTicketIdIn(Collection<String> names, Collection<Long> ticketIds);

    List<Milestone> findByNameAndReachedAtGreaterThanEqualAndReachedAtLessThan(String name, Instant from, Instant to);
}
