package it.sportello.routing;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface AgentProfileRepository extends JpaRepository<AgentProfile, Long> {

    /** The agent's profile with its row locked: two routers never fill the same agent's last place twice. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from AgentProfile a where a.userId = :userId")
    Optional<AgentProfile> findByIdForUpdate(Long userId);

    /**
     * Notes when routing last gave the agent a ticket. A plain update on purpose: it is routing's
     * bookkeeping, and the agent saving their availability meanwhile must not see a conflict.
     */
    @Modifying
    @Query("update AgentProfile a set a.lastAssignedAt = :at where a.userId = :userId")
    int assignedAt(Long userId, Instant at);
}
