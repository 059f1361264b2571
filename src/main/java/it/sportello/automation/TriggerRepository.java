package it.sportello.automation;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface TriggerRepository extends JpaRepository<Trigger, Long> {

    List<Trigger> findAllByOrderByPositionAscIdAsc();

    List<Trigger> findByEventAndActiveTrueOrderByPositionAscIdAsc(TriggerEvent event);

    /** A query of its own, not a derived one: derived queries are built afresh on every call, and this runs for every ticket event. */
    @Query("select count(t) > 0 from Trigger t where t.event = :event and t.active = true")
    boolean existsByEventAndActiveTrue(@Param("event") TriggerEvent event);

    @Query("select coalesce(max(t.position), 0) from Trigger t")
    int maxPosition();
}
