package it.sportello.knowledge;

import it.sportello.shared.SupportedLocale;
import jakarta.persistence.EntityManager;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a visitor of the help center may read: published public FAQ answers, by category, by
 * popularity, one at a time (each reading counted). Drafts and internal entries do not exist here.
 */
@Service
public class HelpCenter {

    /** An answer in a list: its id, title, the start of its text, its language and how often it was read. */
    public record Summary(String faqId, String question, String snippet, SupportedLocale locale, long views) {

        static Summary of(FaqTranslation answer) {
            return new Summary(
                    answer.entry().faqId(),
                    answer.question(),
                    KnowledgeSearch.snippet(answer.answerText()),
                    answer.locale(),
                    answer.views());
        }
    }

    /**
     * One answer as a visitor reads it: the reader's language if the entry speaks it (else the
     * other, {@code translated} false), the other ways of asking, the sanitised answer.
     */
    public record Answer(
            String faqId,
            SupportedLocale locale,
            boolean inReadersLanguage,
            String question,
            List<String> otherQuestions,
            String answerHtml,
            Optional<Category> category,
            long translationId) {}

    private final FaqCatalog catalog;
    private final EntityManager entityManager;

    HelpCenter(FaqCatalog catalog, EntityManager entityManager) {
        this.catalog = catalog;
        this.entityManager = entityManager;
    }

    /** The most read public answers in this language. */
    @Transactional(readOnly = true)
    public List<Summary> popular(SupportedLocale locale, int limit) {
        return entityManager
                .createQuery(
                        "select t from FaqTranslation t join fetch t.entry e where t.locale = :locale"
                                + " and e.status = :published and e.visibility = :public"
                                + " order by t.views desc, e.faqId",
                        FaqTranslation.class)
                .setParameter("locale", locale)
                .setParameter("published", FaqStatus.PUBLISHED)
                .setParameter("public", Visibility.PUBLIC)
                .setMaxResults(limit)
                .getResultList()
                .stream()
                .map(Summary::of)
                .toList();
    }

    @Transactional(readOnly = true)
    public List<Category> categories() {
        return catalog.categories();
    }

    @Transactional(readOnly = true)
    public Optional<Category> category(String slug) {
        return catalog.categories().stream().filter(c -> c.slug().equals(slug)).findFirst();
    }

    /** The public answers of a category, in the reader's language where the entry speaks it. */
    @Transactional(readOnly = true)
    public List<Summary> inCategory(Category category, SupportedLocale locale) {
        return entityManager
                .createQuery(
                        "select distinct e from FaqEntry e left join fetch e.translations where e.category.id = :category"
                                + " and e.status = :published and e.visibility = :public",
                        FaqEntry.class)
                .setParameter("category", category.id())
                .setParameter("published", FaqStatus.PUBLISHED)
                .setParameter("public", Visibility.PUBLIC)
                .getResultList()
                .stream()
                .flatMap(e -> e.translationFor(locale).stream())
                .map(Summary::of)
                .sorted(Comparator.comparing(Summary::question, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    /** A public answer, or nothing when the entry is unknown, a draft or internal. Does not count a view. */
    @Transactional(readOnly = true)
    public Optional<Answer> answer(String faqId, SupportedLocale locale) {
        return catalog.find(faqId)
                .filter(FaqEntry::isPublic)
                .flatMap(entry -> entry.translationFor(locale)
                        .map(t -> new Answer(
                                entry.faqId(),
                                t.locale(),
                                t.locale() == locale,
                                t.question(),
                                t.questions().subList(1, t.questions().size()),
                                t.answerHtml(),
                                entry.category(),
                                t.id())));
    }

    /** Counts one reading of an answer a visitor opened. */
    @Transactional
    public void countView(Answer answer) {
        entityManager
                .createQuery("update FaqTranslation t set t.views = t.views + 1 where t.id = :id")
                .setParameter("id", answer.translationId())
                .executeUpdate();
    }
}
