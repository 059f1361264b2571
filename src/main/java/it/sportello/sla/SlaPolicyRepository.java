package it.sportello.sla;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface SlaPolicyRepository extends JpaRepository<SlaPolicy, Long> {

    List<SlaPolicy> findAllByOrderByCatchAllAscPositionAscIdAsc();

    Optional<SlaPolicy> findByNameIgnoreCase(String name);
}
