package it.sportello.knowledge.web;

import it.sportello.knowledge.FaqDraft;
import it.sportello.knowledge.FaqEntry;
import it.sportello.knowledge.FaqStatus;
import it.sportello.knowledge.FaqTranslation;
import it.sportello.knowledge.Visibility;
import it.sportello.shared.PlainText;
import it.sportello.shared.SafeHtml;
import it.sportello.shared.SupportedLocale;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An FAQ entry as the editor's form holds it: the common fields, and per language the question
 * variants (one input each, blanks ignored) and the answer as simple HTML, sanitised on save.
 * {@code version} is the version the editor started from, absent for a new entry.
 */
record FaqForm(
        String faqId,
        Long version,
        Long categoryId,
        String tags,
        FaqStatus status,
        Visibility visibility,
        Long ownerId,
        Boolean reviewed,
        List<String> itQuestions,
        String itAnswer,
        List<String> enQuestions,
        String enAnswer) {

    FaqForm {
        itQuestions = itQuestions == null ? List.of() : itQuestions;
        enQuestions = enQuestions == null ? List.of() : enQuestions;
    }

    static FaqForm empty(Long ownerId) {
        return new FaqForm(
                "", null, null, "", FaqStatus.DRAFT, Visibility.PUBLIC, ownerId, false, List.of(), "", List.of(), "");
    }

    static FaqForm of(FaqEntry entry) {
        Map<SupportedLocale, FaqTranslation> t = new EnumMap<>(SupportedLocale.class);
        entry.translations().forEach(translation -> t.put(translation.locale(), translation));
        FaqTranslation it = t.get(SupportedLocale.IT);
        FaqTranslation en = t.get(SupportedLocale.EN);
        return new FaqForm(
                entry.faqId(),
                entry.version(),
                entry.category().map(c -> c.id()).orElse(null),
                String.join(", ", entry.tags()),
                entry.status(),
                entry.visibility(),
                entry.ownerId().orElse(null),
                false,
                it == null ? List.of() : it.questions(),
                it == null ? "" : it.answerHtml(),
                en == null ? List.of() : en.questions(),
                en == null ? "" : en.answerHtml());
    }

    /** A new entry in one language, as a ticket suggests it. */
    static FaqForm suggested(
            String faqId, SupportedLocale locale, List<String> questions, String answerHtml, Long ownerId) {
        boolean english = locale == SupportedLocale.EN;
        return new FaqForm(
                faqId,
                null,
                null,
                "",
                FaqStatus.DRAFT,
                Visibility.PUBLIC,
                ownerId,
                false,
                english ? List.of() : questions,
                english ? "" : answerHtml,
                english ? questions : List.of(),
                english ? answerHtml : "");
    }

    public List<String> questions(SupportedLocale locale) {
        return locale == SupportedLocale.EN ? enQuestions : itQuestions;
    }

    public String answer(SupportedLocale locale) {
        String answer = locale == SupportedLocale.EN ? enAnswer : itAnswer;
        return answer == null ? "" : answer;
    }

    /** The questions typed, without blanks. */
    List<String> filledQuestions(SupportedLocale locale) {
        return questions(locale).stream()
                .map(PlainText::line)
                .filter(q -> !q.isEmpty())
                .toList();
    }

    /** The question inputs to show: those typed and one empty, for another way of asking. */
    public List<String> questionRows(SupportedLocale locale) {
        List<String> rows = new ArrayList<>(questions(locale));
        rows.add("");
        return rows;
    }

    /** A language counts as written when it has a question or an answer; an empty one is left out. */
    boolean writes(SupportedLocale locale) {
        return !filledQuestions(locale).isEmpty() || !answer(locale).isBlank();
    }

    public boolean isReviewed() {
        return Boolean.TRUE.equals(reviewed);
    }

    Set<String> tagSet() {
        return tags == null || tags.isBlank() ? Set.of() : new LinkedHashSet<>(Arrays.asList(tags.split(",")));
    }

    FaqDraft toDraft(String faqIdToSave) {
        Map<SupportedLocale, FaqTranslation.Content> answers = new EnumMap<>(SupportedLocale.class);
        for (SupportedLocale locale : SupportedLocale.values()) {
            if (writes(locale) && !filledQuestions(locale).isEmpty()) {
                answers.put(
                        locale,
                        new FaqTranslation.Content(
                                filledQuestions(locale), SafeHtml.fromUntrustedHtml(answer(locale))));
            }
        }
        return new FaqDraft(
                faqIdToSave, version, categoryId, tagSet(), status, visibility, ownerId, isReviewed(), answers);
    }
}
