package it.sportello.knowledge.web;

import it.sportello.knowledge.HelpCenter;
import it.sportello.knowledge.KnowledgeSearch.Kind;
import it.sportello.shared.SupportedLocale;

/**
 * What the "was this helpful?" box ({@code knowledge/help/parts :: feedback}) is about: an FAQ
 * answer or an article, in the language read. Pages that show the box put it in the model as
 * {@code feedback}, next to {@code vote} ({@link VoteForm}); the box posts to {@code /help/feedback}
 * and comes back (without JavaScript) to {@link #page()} with {@code ?voted=yes|no}.
 */
record FeedbackBox(Kind kind, String key, SupportedLocale language) {

    static FeedbackBox of(HelpCenter.Answer answer) {
        return new FeedbackBox(Kind.FAQ, answer.faqId(), answer.locale());
    }

    static FeedbackBox article(String slug, SupportedLocale language) {
        return new FeedbackBox(Kind.ARTICLE, slug, language);
    }

    /** The form field naming the content: {@code faqId} or {@code article}. */
    public String field() {
        return kind == Kind.FAQ ? "faqId" : "article";
    }

    public String locale() {
        return language.code();
    }

    /** Where the content is read: the page a vote without JavaScript returns to. */
    public String page() {
        return kind == Kind.FAQ ? HelpLinks.faqPage(key) : HelpLinks.articlePage(key);
    }
}
