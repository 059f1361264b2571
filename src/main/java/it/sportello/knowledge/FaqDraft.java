package it.sportello.knowledge;

import it.sportello.shared.SupportedLocale;
import java.util.Map;
import java.util.Set;

/**
 * An FAQ entry as an editor (or an import) wants it saved. {@code expectedVersion} is the version
 * the editor started from, {@code null} for a new entry: a save over someone else's newer change is
 * refused rather than silently undoing it.
 */
public record FaqDraft(
        String faqId,
        Long expectedVersion,
        Long categoryId,
        Set<String> tags,
        FaqStatus status,
        Visibility visibility,
        Long ownerId,
        boolean reviewed,
        Map<SupportedLocale, FaqTranslation.Content> answers) {

    public FaqDraft {
        tags = tags == null ? Set.of() : Set.copyOf(tags);
        answers = Map.copyOf(answers);
    }
}
