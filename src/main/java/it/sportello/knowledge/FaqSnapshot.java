package it.sportello.knowledge;

import java.util.List;

/** What an FAQ entry said at one moment, as kept in its history and exported as JSON. */
public record FaqSnapshot(
        String faqId, String category, List<String> tags, String status, String visibility, List<Answer> answers) {

    /** The entry in one language. */
    public record Answer(String locale, List<String> questions, String answerHtml) {}

    public static FaqSnapshot of(FaqEntry entry) {
        return new FaqSnapshot(
                entry.faqId(),
                entry.category().map(Category::slug).orElse(null),
                List.copyOf(entry.tags()),
                entry.status().name().toLowerCase(java.util.Locale.ROOT),
                entry.visibility().name().toLowerCase(java.util.Locale.ROOT),
                entry.translations().stream()
                        .map(t -> new Answer(t.locale().code(), t.questions(), t.answerHtml()))
                        .toList());
    }
}
