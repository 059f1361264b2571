package it.sportello.sla;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface StandardCharterRepository extends JpaRepository<StandardCharter, Long> {

    Optional<StandardCharter> findFirstByOrderByIdDesc();
}
