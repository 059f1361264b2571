package it.sportello.knowledge;

/**
 * Names of the search index's fields and analyzers, shared by FAQ answers and articles so that
 * one query ranks both. Titles and bodies are indexed once per language analyzer; a query reads
 * the fields of the reader's language.
 */
final class KnowledgeFields {

    static final String ITALIAN = "italian";
    static final String ENGLISH = "english";

    static final String TITLE_IT = "title_it";
    static final String TITLE_EN = "title_en";
    static final String BODY_IT = "body_it";
    static final String BODY_EN = "body_en";
    static final String KEY = "key";
    static final String STATUS = "status";
    static final String VISIBILITY = "visibility";

    private KnowledgeFields() {}

    static String title(it.sportello.shared.SupportedLocale locale) {
        return locale == it.sportello.shared.SupportedLocale.EN ? TITLE_EN : TITLE_IT;
    }

    static String body(it.sportello.shared.SupportedLocale locale) {
        return locale == it.sportello.shared.SupportedLocale.EN ? BODY_EN : BODY_IT;
    }
}
