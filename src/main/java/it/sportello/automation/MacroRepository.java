package it.sportello.automation;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface MacroRepository extends JpaRepository<Macro, Long> {

    List<Macro> findAllByOrderByNameAscIdAsc();

    List<Macro> findByActiveTrueOrderByNameAscIdAsc();
}
