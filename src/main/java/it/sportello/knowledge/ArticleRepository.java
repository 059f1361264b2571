package it.sportello.knowledge;

import it.sportello.shared.SupportedLocale;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ArticleRepository extends JpaRepository<Article, Long> {

    @EntityGraph(attributePaths = "category", type = EntityGraph.EntityGraphType.LOAD)
    Optional<Article> findByLocaleAndSlug(SupportedLocale locale, String slug);

    @EntityGraph(attributePaths = "category", type = EntityGraph.EntityGraphType.LOAD)
    Optional<Article> findWithCategoryById(long id);

    Optional<Article> findByTranslationKeyAndLocale(String translationKey, SupportedLocale locale);

    @EntityGraph(attributePaths = "category", type = EntityGraph.EntityGraphType.LOAD)
    @Query("select a from Article a order by a.translationKey, a.locale")
    List<Article> findAllOrdered();

    @Query("select a from Article a where a.category.slug = :categorySlug and a.locale = :locale"
            + " and a.status = it.sportello.knowledge.FaqStatus.PUBLISHED"
            + " and a.visibility = it.sportello.knowledge.Visibility.PUBLIC order by a.title")
    List<Article> findPublicIn(String categorySlug, SupportedLocale locale);

    @Modifying
    @Query("update Article a set a.views = a.views + 1 where a.id = :id")
    int countView(long id);
}
