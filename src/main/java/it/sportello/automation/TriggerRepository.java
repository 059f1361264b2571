package it.sportello.automation;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface TriggerRepository extends JpaRepository<Trigger, Long> {

    List<Trigger> findAllByOrderByPositionAscIdAsc();

    List<Trigger> findByEventAndActiveTrueOrderByPositionAscIdAsc(TriggerEvent event);

    @Query("select coalesce(max(t.position), 0) from Trigger t")
    int maxPosition();
}
