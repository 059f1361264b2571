package it.sportello.knowledge;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface CategoryRepository extends JpaRepository<Category, Long> {

    List<Category> findAllByOrderByPositionAscSlugAsc();

    Optional<Category> findBySlug(String slug);
}
