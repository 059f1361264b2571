package it.sportello.sla;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface StandardRepository extends JpaRepository<Standard, Long> {

    List<Standard> findAllByOrderByIdAsc();

    List<Standard> findByActiveTrueOrderByIdAsc();

    Optional<Standard> findByNameIgnoreCase(String name);
}
