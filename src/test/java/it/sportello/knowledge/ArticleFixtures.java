package it.sportello.knowledge;

import it.sportello.shared.SafeHtml;
import it.sportello.shared.SupportedLocale;
import it.sportello.support.Api;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import org.springframework.transaction.support.TransactionTemplate;

/** Writes help-center articles straight into the database for tests of what readers do with them. */
final class ArticleFixtures {

    private final EntityManager entityManager;
    private final TransactionTemplate transactions;

    ArticleFixtures(EntityManager entityManager, TransactionTemplate transactions) {
        this.entityManager = entityManager;
        this.transactions = transactions;
    }

    /** An article with a fresh slug; returns the slug. */
    String article(SupportedLocale locale, String title, String bodyHtml, FaqStatus status, Visibility visibility) {
        String slug = Api.unique("guida").toLowerCase();
        transactions.executeWithoutResult(tx -> {
            Instant now = Instant.now();
            Article article = new Article(slug, locale, Api.unique("k"), now);
            article.write(slug, title, SafeHtml.fromUntrustedHtml(bodyHtml), null, status, visibility, now);
            entityManager.persist(article);
        });
        return slug;
    }
}
