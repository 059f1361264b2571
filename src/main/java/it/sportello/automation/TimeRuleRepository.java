package it.sportello.automation;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface TimeRuleRepository extends JpaRepository<TimeRule, Long> {

    List<TimeRule> findAllByOrderByNameAscIdAsc();

    List<TimeRule> findByActiveTrueOrderByIdAsc();
}
