package it.sportello.knowledge;

import it.sportello.shared.SafeHtml;
import it.sportello.shared.SupportedLocale;
import it.sportello.support.Api;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Makes FAQ entries and categories for help-center tests, each with a fresh id. */
final class Faqs {

    private final FaqCatalog catalog;

    Faqs(FaqCatalog catalog) {
        this.catalog = catalog;
    }

    Category category(String nameIt, String nameEn) {
        String slug = Api.unique("cat").toLowerCase().replaceAll("[^a-z0-9-]", "-");
        return catalog.saveCategory(slug, nameIt, nameEn, 1);
    }

    /** An entry answering in one language: the first question is its title. */
    String entry(
            String idPrefix,
            FaqStatus status,
            Visibility visibility,
            Category category,
            SupportedLocale locale,
            String answerHtml,
            String... questions) {
        return entry(idPrefix, status, visibility, category, Map.of(locale, content(answerHtml, questions)));
    }

    String entry(
            String idPrefix,
            FaqStatus status,
            Visibility visibility,
            Category category,
            Map<SupportedLocale, FaqTranslation.Content> answers) {
        String id = Api.unique(idPrefix);
        catalog.save(
                new FaqDraft(
                        id,
                        null,
                        category == null ? null : category.id(),
                        Set.of(),
                        status,
                        visibility,
                        null,
                        false,
                        new LinkedHashMap<>(answers)),
                "test");
        return id;
    }

    String published(SupportedLocale locale, String answerHtml, String... questions) {
        return entry("faq", FaqStatus.PUBLISHED, Visibility.PUBLIC, null, locale, answerHtml, questions);
    }

    static FaqTranslation.Content content(String answerHtml, String... questions) {
        return new FaqTranslation.Content(List.of(questions), SafeHtml.fromUntrustedHtml(answerHtml));
    }

    long views(String faqId, SupportedLocale locale) {
        return catalog.find(faqId)
                .orElseThrow()
                .translation(locale)
                .orElseThrow()
                .views();
    }
}
