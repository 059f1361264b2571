package it.sportello.bot.internal;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Turns a ranking's raw certainty into a confidence the admin can read: the share of the bot's
 * own test answers at least this certain that were right (measured by cross-validation over the
 * FAQ's question variants, plus the out-of-scope examples the company added, which are right only
 * when handed off). The hand-off threshold is the lowest certainty whose confidence still reaches
 * the precision the admin asked for.
 */
record Calibration(float[] certainties, float[] precisions, float threshold, double targetPrecision) {

    /** Below this many right answers in the self-test, the data say too little: a fixed threshold is used. */
    static final int MIN_RIGHT = 20;

    /** The threshold used when the FAQ database is too small to measure one (tuned on the dev sets). */
    static final float DEFAULT_THRESHOLD = 2.1f;

    /**
     * One self-test answer: how certain the bot was, whether it was right to answer, and whether the
     * question was one of the company's out-of-scope examples.
     */
    record Sample(float certainty, boolean right, boolean outOfScope) {

        Sample(float certainty, boolean right) {
            this(certainty, right, false);
        }
    }

    /**
     * The threshold reaching {@code targetPrecision} over all samples, raised where needed so that
     * at least {@code outOfScopeHandoff} of the out-of-scope examples are handed over: they are few
     * beside the variants, and precision alone would let most of them through.
     */
    static Calibration fit(List<Sample> samples, double targetPrecision, double outOfScopeHandoff) {
        Sample[] sorted = samples.toArray(Sample[]::new);
        Arrays.sort(sorted, Comparator.comparingDouble(Sample::certainty).reversed());
        float[] certainties = new float[sorted.length];
        float[] precisions = new float[sorted.length];
        int right = 0;
        for (int i = 0; i < sorted.length; i++) {
            right += sorted[i].right() ? 1 : 0;
            certainties[i] = sorted[i].certainty();
            precisions[i] = (float) right / (i + 1);
        }
        // The threshold: the lowest certainty at which the answers at least this certain are still
        // right often enough. One early mistake near the top must not condemn everything below it.
        float threshold = Float.POSITIVE_INFINITY;
        for (int i = 0; i < precisions.length; i++) {
            if (precisions[i] >= targetPrecision) {
                threshold = certainties[i];
            }
        }
        // Confidence must not fall as certainty rises: from the bottom up, keep the running maximum.
        for (int i = precisions.length - 2; i >= 0; i--) {
            precisions[i] = Math.max(precisions[i], precisions[i + 1]);
        }
        if (right < MIN_RIGHT) {
            threshold = DEFAULT_THRESHOLD;
        }
        float[] outOfScope =
                new float[(int) samples.stream().filter(Sample::outOfScope).count()];
        int next = 0;
        for (Sample sample : samples) {
            if (sample.outOfScope()) {
                outOfScope[next++] = sample.certainty();
            }
        }
        Arrays.sort(outOfScope);
        int mustHandOff = (int) Math.ceil(outOfScopeHandoff * outOfScope.length);
        if (mustHandOff > 0) {
            threshold = Math.max(threshold, Math.nextUp(outOfScope[mustHandOff - 1]));
        }
        return new Calibration(certainties, precisions, threshold, targetPrecision);
    }

    boolean answers(float certainty) {
        return certainty >= threshold;
    }

    /** The confidence for this certainty, between 0 and 1. */
    double confidence(float certainty) {
        if (certainties.length == 0) {
            return certainty >= threshold ? targetPrecision : 0.0;
        }
        // certainties are descending: find the last one still >= certainty
        int low = 0;
        int high = certainties.length - 1;
        int found = -1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (certainties[middle] >= certainty) {
                found = middle;
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        if (found < 0) {
            return precisions[0];
        }
        return precisions[found];
    }
}
