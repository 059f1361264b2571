package it.sportello.knowledge.internal;

import it.sportello.knowledge.Article;
import it.sportello.knowledge.FaqTranslation;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Rebuilds the search index from the database when the two disagree at start-up: a new data
 * directory, an index deleted to reclaim it, rows written while the index was elsewhere. The
 * database is the record; the index can always be made again from it.
 */
@Component
class SearchIndexBootstrap {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexBootstrap.class);

    private final EntityManagerFactory entityManagerFactory;

    SearchIndexBootstrap(EntityManagerFactory entityManagerFactory) {
        this.entityManagerFactory = entityManagerFactory;
    }

    @EventListener(ApplicationStartedEvent.class)
    void rebuildIfStale() throws InterruptedException {
        try (var entityManager = entityManagerFactory.createEntityManager()) {
            SearchSession session = Search.session(entityManager);
            long indexed = session.search(java.util.List.of(FaqTranslation.class, Article.class))
                    .where(f -> f.matchAll())
                    .fetchTotalHitCount();
            long stored = entityManager
                            .createQuery("select count(t) from FaqTranslation t", Long.class)
                            .getSingleResult()
                    + entityManager
                            .createQuery("select count(a) from Article a", Long.class)
                            .getSingleResult();
            if (indexed == stored) {
                return;
            }
            log.info(
                    "Search index holds {} documents for {} stored answers and articles: rebuilding it",
                    indexed,
                    stored);
            session.massIndexer(FaqTranslation.class, Article.class)
                    .threadsToLoadObjects(1)
                    .startAndWait();
            log.info("Search index rebuilt");
        }
    }
}
