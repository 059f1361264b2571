package it.sportello.knowledge;

import it.sportello.shared.ConflictException;
import it.sportello.shared.InvalidInputException;
import it.sportello.shared.NotFoundException;
import it.sportello.shared.PlainText;
import it.sportello.shared.SafeHtml;
import it.sportello.shared.SupportedLocale;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The help center's articles: written, translated, found and removed. An article exists in one
 * language; its translation is another article with the same translation key, so each side links
 * to the other. Slugs are unique per language, bodies are sanitised on save, and a save over a
 * newer version than the editor saw is refused.
 */
@Service
public class Articles {

    /** Lower-case letters, digits and single dashes: a clean URL segment. */
    public static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    public static final int MAX_SLUG = 160;
    public static final int MAX_TITLE = 300;
    public static final int MAX_BODY = 100_000;

    private final ArticleRepository articles;
    private final CategoryRepository categories;
    private final Clock clock;

    Articles(ArticleRepository articles, CategoryRepository categories, Clock clock) {
        this.articles = articles;
        this.categories = categories;
        this.clock = clock;
    }

    /** A new article in {@code locale}, the first of its translation group. */
    @Transactional
    public Article create(SupportedLocale locale, ArticleDraft draft) {
        return write(new Article(clean(draft.slug()), locale, UUID.randomUUID().toString(), clock.instant()), draft);
    }

    /** The translation of article {@code id} into {@code locale}, linked to it; refused if it has one already. */
    @Transactional
    public Article translate(long id, SupportedLocale locale, ArticleDraft draft) {
        Article original = get(id);
        if (original.locale() == locale) {
            throw new InvalidInputException("locale", "the translation must be in another language");
        }
        if (articles.findByTranslationKeyAndLocale(original.translationKey(), locale)
                .isPresent()) {
            throw new ConflictException("The article has a translation in this language already");
        }
        return write(new Article(clean(draft.slug()), locale, original.translationKey(), clock.instant()), draft);
    }

    @Transactional
    public Article update(long id, ArticleDraft draft) {
        Article article = get(id);
        if (draft.expectedVersion() == null || article.version() != draft.expectedVersion()) {
            throw new ConflictException("The article was changed by someone else in the meantime; reload it");
        }
        return write(article, draft);
    }

    @Transactional
    public void delete(long id) {
        articles.delete(get(id));
    }

    @Transactional(readOnly = true)
    public Optional<Article> find(long id) {
        return articles.findWithCategoryById(id);
    }

    @Transactional(readOnly = true)
    public Article get(long id) {
        return find(id).orElseThrow(() -> new NotFoundException("Article", id));
    }

    @Transactional(readOnly = true)
    public Optional<Article> find(SupportedLocale locale, String slug) {
        return articles.findByLocaleAndSlug(locale, slug);
    }

    /** An article as a visitor may read it: published and public, else nothing. */
    @Transactional(readOnly = true)
    public Optional<Article> findPublic(SupportedLocale locale, String slug) {
        return find(locale, slug).filter(Article::isPublic);
    }

    /** The same article in the other language, if it has been translated. */
    @Transactional(readOnly = true)
    public Optional<Article> translationOf(Article article, SupportedLocale locale) {
        return article.locale() == locale
                ? Optional.of(article)
                : articles.findByTranslationKeyAndLocale(article.translationKey(), locale);
    }

    /** Every article, both languages, translations side by side. */
    @Transactional(readOnly = true)
    public List<Article> all() {
        return articles.findAllOrdered();
    }

    /** The published public articles of a category in one language, by title: what the help center lists. */
    @Transactional(readOnly = true)
    public List<Article> publishedIn(String categorySlug, SupportedLocale locale) {
        return articles.findPublicIn(categorySlug, locale);
    }

    /** Whether another article in this language already uses the slug. */
    @Transactional(readOnly = true)
    public boolean slugTaken(SupportedLocale locale, String slug, Long exceptId) {
        return articles.findByLocaleAndSlug(locale, clean(slug))
                .filter(a -> exceptId == null || a.id() != exceptId)
                .isPresent();
    }

    /** Counts one reading of the article. */
    @Transactional
    public void countView(Article article) {
        articles.countView(article.id());
    }

    private Article write(Article article, ArticleDraft draft) {
        String slug = clean(draft.slug());
        String title = PlainText.line(draft.title());
        SafeHtml body = SafeHtml.fromUntrustedHtml(draft.body());
        Map<String, String> errors = new LinkedHashMap<>();
        if (slug.isEmpty() || slug.length() > MAX_SLUG || !SLUG.matcher(slug).matches()) {
            errors.put("slug", "lower-case letters, digits and single dashes, at most " + MAX_SLUG + " characters");
        } else if (articles.findByLocaleAndSlug(article.locale(), slug)
                .filter(other -> other != article)
                .isPresent()) {
            errors.put("slug", "another article in this language has this slug");
        }
        if (title.isEmpty() || title.length() > MAX_TITLE) {
            errors.put("title", "a title of at most " + MAX_TITLE + " characters");
        }
        if (body.text().isBlank() || body.html().length() > MAX_BODY) {
            errors.put("body", "a text of at most " + MAX_BODY + " characters");
        }
        if (draft.status() == null) {
            errors.put("status", "draft or published");
        }
        if (draft.visibility() == null) {
            errors.put("visibility", "public or internal");
        }
        Category category = null;
        if (draft.categoryId() != null) {
            category = categories.findById(draft.categoryId()).orElse(null);
            if (category == null) {
                errors.put("categoryId", "no such category");
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Instant now = clock.instant();
        article.write(slug, title, body, category, draft.status(), draft.visibility(), now);
        article.assignOwner(draft.ownerId());
        Article saved = articles.saveAndFlush(article);
        return saved;
    }

    private static String clean(String slug) {
        return PlainText.line(slug).toLowerCase(Locale.ROOT);
    }
}
