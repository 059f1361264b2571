package it.sportello.routing;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface GroupRoutingRepository extends JpaRepository<GroupRouting, Long> {

    /** The group's settings with its row locked until the transaction ends: one router per group at a time. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select g from GroupRouting g where g.groupId = :groupId")
    Optional<GroupRouting> findByIdForUpdate(Long groupId);

    List<GroupRouting> findByStrategyNot(RoutingStrategy strategy);

    /** Round-robin's pointer; a plain update, so a supervisor's form open meanwhile is not made stale by it. */
    @Modifying
    @Query("update GroupRouting g set g.lastAssigneeId = :agentId where g.groupId = :groupId")
    int picked(Long groupId, Long agentId);
}
