package it.sportello.knowledge;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface FaqEntryRepository extends JpaRepository<FaqEntry, Long> {

    @EntityGraph(
            attributePaths = {"translations", "category"},
            type = EntityGraph.EntityGraphType.LOAD)
    Optional<FaqEntry> findByFaqId(String faqId);

    @EntityGraph(
            attributePaths = {"translations", "category"},
            type = EntityGraph.EntityGraphType.LOAD)
    Optional<FaqEntry> findWithTranslationsById(long id);

    @EntityGraph(
            attributePaths = {"translations", "category"},
            type = EntityGraph.EntityGraphType.LOAD)
    List<FaqEntry> findByFaqIdIn(Collection<String> faqIds);

    @EntityGraph(
            attributePaths = {"translations", "category"},
            type = EntityGraph.EntityGraphType.LOAD)
    @Query("select e from FaqEntry e order by e.faqId")
    List<FaqEntry> findAllOrdered();

    @EntityGraph(
            attributePaths = {"translations", "category"},
            type = EntityGraph.EntityGraphType.LOAD)
    @Query("select e from FaqEntry e where e.status = it.sportello.knowledge.FaqStatus.PUBLISHED order by e.faqId")
    List<FaqEntry> findPublished();

    @Query("select e.faqId from FaqEntry e")
    List<String> findAllFaqIds();

    @Modifying
    @Query("update FaqTranslation t set t.views = t.views + 1 where t.id = :id")
    int countView(long id);
}
