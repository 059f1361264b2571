package it.sportello.knowledge;

import it.sportello.shared.PlainText;
import it.sportello.shared.SupportedLocale;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.search.engine.search.predicate.dsl.BooleanPredicateClausesStep;
import org.hibernate.search.engine.search.predicate.dsl.PredicateFinalStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.mapper.orm.Search;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Full-text search over FAQ answers and articles in the reader's language: stemmed (so
 * "rimborsi" finds "rimborso"), accent-blind, tolerant of a typo per word, widened by the
 * synonyms the admin declared. Visitors find only what is published and public; staff also find
 * internal entries. A visitor's search that finds nothing is remembered: it is what the FAQ
 * database is missing.
 */
@Service
public class KnowledgeSearch {

    /** Who is searching: what they may find depends on it. */
    public enum Audience {
        PUBLIC,
        STAFF
    }

    /** What is found: an FAQ answer or an article. */
    public enum Kind {
        FAQ,
        ARTICLE
    }

    /**
     * A search. {@code remember} asks that a search finding nothing be counted as a miss; searches
     * typed character by character (as-you-type suggestions) leave it off.
     */
    public record Query(String text, SupportedLocale locale, Audience audience, int limit, boolean remember) {}

    /** One result: what it is, its key (FAQ id or article slug), title, a snippet of the text, the score. */
    public record Hit(Kind kind, String key, String title, String snippet, float score, SupportedLocale locale) {}

    private static final Logger log = LoggerFactory.getLogger(KnowledgeSearch.class);
    static final int MAX_QUERY = 200;
    private static final int SNIPPET = 180;

    private final EntityManager entityManager;
    private final Synonyms synonyms;
    private final SearchMisses misses;

    KnowledgeSearch(EntityManager entityManager, Synonyms synonyms, SearchMisses misses) {
        this.entityManager = entityManager;
        this.synonyms = synonyms;
        this.misses = misses;
    }

    @Transactional(readOnly = true)
    public List<Hit> search(Query query) {
        String text = PlainText.line(query.text());
        if (text.length() > MAX_QUERY) {
            text = text.substring(0, MAX_QUERY);
        }
        if (text.isEmpty()) {
            return List.of();
        }
        String words = text;
        List<String> related = synonyms.related(text, query.locale());
        List<List<?>> rows = Search.session(entityManager)
                .search(List.of(FaqTranslation.class, Article.class))
                .select(f -> f.composite().from(f.entity(), f.score()).asList())
                .where(f -> predicate(f, words, related, query))
                .fetchHits(Math.max(1, Math.min(query.limit(), 50)));
        List<Hit> hits = new ArrayList<>(rows.size());
        for (List<?> row : rows) {
            float score = (Float) row.get(1);
            if (row.get(0) instanceof FaqTranslation answer) {
                hits.add(new Hit(
                        Kind.FAQ,
                        answer.entry().faqId(),
                        answer.question(),
                        snippet(answer.answerText()),
                        score,
                        answer.locale()));
            } else if (row.get(0) instanceof Article article) {
                hits.add(new Hit(
                        Kind.ARTICLE,
                        article.slug(),
                        article.title(),
                        snippet(article.bodyText()),
                        score,
                        article.locale()));
            }
        }
        if (hits.isEmpty() && query.remember() && query.audience() == Audience.PUBLIC) {
            try {
                misses.remember(query.locale(), text);
            } catch (DataAccessException e) {
                // The report loses one count; the visitor still gets their (empty) answer.
                log.warn("Could not count a search that found nothing: {}", e.getMessage());
            }
        }
        return hits;
    }

    private static PredicateFinalStep predicate(
            SearchPredicateFactory f, String text, List<String> related, Query query) {
        String title = KnowledgeFields.title(query.locale());
        String body = KnowledgeFields.body(query.locale());
        BooleanPredicateClausesStep<?, ?> words = f.bool()
                .should(f.match().field(title).boost(3f).field(body).matching(text))
                // One typo per word, the first letter right: "rimbroso" still finds "rimborso".
                .should(f.match()
                        .field(title)
                        .boost(1.2f)
                        .field(body)
                        .boost(0.4f)
                        .matching(text)
                        .fuzzy(1, 1));
        for (String term : related) {
            words = words.should(f.match().field(title).boost(2f).field(body).matching(term));
        }
        BooleanPredicateClausesStep<?, ?> all = f.bool()
                .must(words)
                .filter(f.match().field("locale").matching(query.locale()))
                .filter(f.match().field(KnowledgeFields.STATUS).matching(FaqStatus.PUBLISHED));
        if (query.audience() == Audience.PUBLIC) {
            all = all.filter(f.match().field(KnowledgeFields.VISIBILITY).matching(Visibility.PUBLIC));
        }
        return all;
    }

    static String snippet(String text) {
        String line = PlainText.line(text);
        if (line.length() <= SNIPPET) {
            return line;
        }
        int cut = line.lastIndexOf(' ', SNIPPET);
        return line.substring(0, cut > SNIPPET / 2 ? cut : SNIPPET) + "…";
    }
}
