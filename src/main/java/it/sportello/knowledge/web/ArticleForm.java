package it.sportello.knowledge.web;

import it.sportello.knowledge.Article;
import it.sportello.knowledge.ArticleDraft;
import it.sportello.knowledge.FaqStatus;
import it.sportello.knowledge.Visibility;
import it.sportello.shared.SupportedLocale;

/** An article as its editor's form holds it; the body is simple HTML, sanitised on save. */
record ArticleForm(
        SupportedLocale locale,
        String slug,
        String title,
        String body,
        Long categoryId,
        FaqStatus status,
        Visibility visibility,
        Long ownerId,
        Long version) {

    static ArticleForm empty(SupportedLocale locale, Long ownerId) {
        return new ArticleForm(locale, "", "", "", null, FaqStatus.DRAFT, Visibility.PUBLIC, ownerId, null);
    }

    static ArticleForm of(Article article) {
        return new ArticleForm(
                article.locale(),
                article.slug(),
                article.title(),
                article.bodyHtml(),
                article.category().map(c -> c.id()).orElse(null),
                article.status(),
                article.visibility(),
                article.ownerId().orElse(null),
                article.version());
    }

    /** The start of a translation: the original's category, visibility and owner; a draft to be written. */
    static ArticleForm translationOf(Article original, SupportedLocale locale, Long ownerId) {
        return new ArticleForm(
                locale,
                original.slug(),
                original.title(),
                original.bodyHtml(),
                original.category().map(c -> c.id()).orElse(null),
                FaqStatus.DRAFT,
                original.visibility(),
                ownerId,
                null);
    }

    ArticleDraft toDraft() {
        return new ArticleDraft(slug, title, body, categoryId, status, visibility, ownerId, version);
    }
}
