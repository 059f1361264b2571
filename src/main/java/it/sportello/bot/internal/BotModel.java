package it.sportello.bot.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Everything the bot needs to answer, learned from one revision of the FAQ database: per language
 * the entries' model and its calibration, and the answers to give. Immutable: a new revision makes
 * a new model, swapped in whole once it is ready.
 */
public final class BotModel {

    /** One language's part of the model. */
    record Language(IntentModel intents, Calibration calibration) {}

    /** What the engine decided for one question, with the raw certainty the calibration read. */
    public record Decision(
            String faqId, double confidence, boolean answer, List<Choice> alternatives, float certainty) {}

    /** Another entry the question might mean. */
    public record Choice(String faqId, double confidence) {}

    private final long revision;
    private final Instant trainedAt;
    private final Map<String, Language> languages;

    BotModel(long revision, Instant trainedAt, Map<String, Language> languages) {
        this.revision = revision;
        this.trainedAt = trainedAt;
        this.languages = Map.copyOf(languages);
    }

    /** A model that knows nothing yet: it hands every question over. */
    public static BotModel empty(long revision, Instant trainedAt) {
        return new BotModel(revision, trainedAt, Map.of());
    }

    public long revision() {
        return revision;
    }

    public Instant trainedAt() {
        return trainedAt;
    }

    Map<String, Language> languages() {
        return languages;
    }

    public boolean knows(String locale) {
        return languages.containsKey(locale);
    }

    /** The hand-off threshold of a language (raw certainty), for reports and tests. */
    public double threshold(String locale) {
        Language language = languages.get(locale);
        return language == null
                ? Double.POSITIVE_INFINITY
                : language.calibration().threshold();
    }

    /** Gives the cache the vectors of every variant this model learned, so they are not computed again. */
    public void seed(EmbeddingCache cache) {
        for (Language language : languages.values()) {
            List<String> texts = language.intents().texts();
            float[][] vectors = language.intents().vectors();
            for (int i = 0; i < texts.size(); i++) {
                cache.put(texts.get(i), vectors[i]);
            }
        }
    }

    /** Decides on a question already embedded ({@code vector}), in {@code locale}. */
    public Decision decide(String question, float[] vector, String locale) {
        Language language = languages.get(locale);
        if (language == null) {
            return new Decision(null, 0.0, false, List.of(), Float.NEGATIVE_INFINITY);
        }
        Ranking ranking = language.intents().rank(question, vector);
        if (ranking.top().isEmpty()) {
            return new Decision(null, 0.0, false, List.of(), Float.NEGATIVE_INFINITY);
        }
        float certainty = ranking.certainty();
        double confidence = language.calibration().confidence(certainty);
        List<Choice> alternatives = new ArrayList<>();
        for (Ranking.Scored other : ranking.top().subList(1, ranking.top().size())) {
            // An alternative's certainty: its score less half the winner's, read through the same calibration.
            float otherCertainty =
                    other.score() - 0.5f * ranking.top().getFirst().score();
            alternatives.add(new Choice(other.faqId(), language.calibration().confidence(otherCertainty)));
        }
        return new Decision(
                ranking.top().getFirst().faqId(),
                confidence,
                language.calibration().answers(certainty),
                alternatives,
                certainty);
    }
}
