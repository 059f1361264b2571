package it.sportello.knowledge;

/**
 * An article as its editor wants it saved, in one language. {@code body} is HTML as typed: it is
 * sanitised on save. {@code expectedVersion} is the version the editor started from ({@code null}
 * for a new article): a save over someone else's newer change is refused.
 */
public record ArticleDraft(
        String slug,
        String title,
        String body,
        Long categoryId,
        FaqStatus status,
        Visibility visibility,
        Long ownerId,
        Long expectedVersion) {}
