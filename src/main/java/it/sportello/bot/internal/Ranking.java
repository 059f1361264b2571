package it.sportello.bot.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Entries ranked for one question: the best few with their combined scores, best first. */
record Ranking(List<Scored> top) {

    private static final int KEPT = 4;

    record Scored(String faqId, float score) {}

    static Ranking of(List<String> labels, float[] scores) {
        List<Scored> all = new ArrayList<>(labels.size());
        for (int i = 0; i < scores.length; i++) {
            all.add(new Scored(labels.get(i), scores[i]));
        }
        all.sort(Comparator.comparingDouble(Scored::score).reversed());
        return new Ranking(List.copyOf(all.subList(0, Math.min(KEPT, all.size()))));
    }

    /**
     * How sure the ranking is, before calibration: the winner's score less half the runner-up's,
     * so both a weak winner and a close race read as doubt.
     */
    float certainty() {
        if (top.isEmpty()) {
            return Float.NEGATIVE_INFINITY;
        }
        float second = top.size() > 1 ? top.get(1).score() : 0f;
        return top.getFirst().score() - 0.5f * second;
    }
}
