package it.sportello.routing;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface SkillRepository extends JpaRepository<Skill, Long> {

    Optional<Skill> findByKindAndCode(SkillKind kind, String code);
}
