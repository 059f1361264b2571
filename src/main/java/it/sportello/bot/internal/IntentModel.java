package it.sportello.bot.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;

/**
 * What the bot knows of one language's FAQ entries: every question variant's vector and words,
 * and the softmax head trained on them. A question gets, per entry, the sum of three signals:
 * the head's probability, the cosine of the closest variant (nearest neighbour), and the
 * relative BM25 score of the best lexical match. Each catches mistakes the others make.
 */
final class IntentModel {

    static final float NEIGHBOUR_WEIGHT = 2.0f;
    static final float LEXICAL_WEIGHT = 0.4f;

    private final List<String> labels;
    private final List<String> texts;
    private final float[][] vectors;
    private final int[] labelOfVariant;
    private final SoftmaxHead head;
    private final LexicalIndex lexical;

    private IntentModel(
            List<String> labels,
            List<String> texts,
            float[][] vectors,
            int[] labelOfVariant,
            SoftmaxHead head,
            Analyzer analyzer) {
        this.labels = List.copyOf(labels);
        this.texts = List.copyOf(texts);
        this.vectors = vectors;
        this.labelOfVariant = labelOfVariant;
        this.head = head;
        this.lexical = new LexicalIndex(analyzer, texts, labelOfVariant);
    }

    /** Learns from variants: {@code texts[i]} asks for entry {@code faqIds[i]}, with vector {@code vectors[i]}. */
    static IntentModel train(
            List<String> faqIds, List<String> texts, List<float[]> vectors, Analyzer analyzer, int epochs) {
        Map<String, Integer> index = new HashMap<>();
        List<String> labels = new ArrayList<>();
        int[] labelOfVariant = new int[faqIds.size()];
        for (int i = 0; i < faqIds.size(); i++) {
            labelOfVariant[i] = index.computeIfAbsent(faqIds.get(i), id -> {
                labels.add(id);
                return labels.size() - 1;
            });
        }
        float[][] matrix = vectors.toArray(float[][]::new);
        SoftmaxHead head = SoftmaxHead.train(matrix, labelOfVariant, labels.size(), epochs);
        return new IntentModel(labels, texts, matrix, labelOfVariant, head, analyzer);
    }

    /** A model restored from its parts (a stored model), without training again. */
    static IntentModel restore(
            List<String> labels,
            List<String> texts,
            float[][] vectors,
            int[] labelOfVariant,
            SoftmaxHead head,
            Analyzer analyzer) {
        return new IntentModel(labels, texts, vectors, labelOfVariant, head, analyzer);
    }

    List<String> labels() {
        return labels;
    }

    List<String> texts() {
        return texts;
    }

    float[][] vectors() {
        return vectors;
    }

    int[] labelOfVariant() {
        return labelOfVariant;
    }

    SoftmaxHead head() {
        return head;
    }

    /** The entries ranked for this question, best first, with their combined scores. */
    Ranking rank(String question, float[] vector) {
        float[] scores = head.probabilities(vector);
        float[] nearest = new float[labels.size()];
        java.util.Arrays.fill(nearest, -1f);
        for (int i = 0; i < vectors.length; i++) {
            float similarity = Vectors.dot(vector, vectors[i]);
            int label = labelOfVariant[i];
            if (similarity > nearest[label]) {
                nearest[label] = similarity;
            }
        }
        for (int label = 0; label < scores.length; label++) {
            scores[label] += NEIGHBOUR_WEIGHT * Math.max(0f, nearest[label]);
        }
        lexical.score(question, LEXICAL_WEIGHT, scores);
        return Ranking.of(labels, scores);
    }
}
