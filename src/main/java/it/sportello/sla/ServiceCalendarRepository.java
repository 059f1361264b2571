package it.sportello.sla;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ServiceCalendarRepository extends JpaRepository<ServiceCalendar, Long> {

    Optional<ServiceCalendar> findFirstByIsDefaultTrue();

    Optional<ServiceCalendar> findByNameIgnoreCase(String name);

    List<ServiceCalendar> findAllByOrderByNameAsc();
}
