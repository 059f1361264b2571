package it.sportello.bot.internal;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Vectors}' maths with the JDK's Vector API (SIMD). Loaded only when the JVM runs with
 * {@code --add-modules jdk.incubator.vector}: Lucene 9.12's own SIMD code does not run on JDK 25,
 * and answering scans every variant's vector.
 */
final class SimdVectors {

    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;

    private SimdVectors() {}

    static float dot(float[] a, float[] b) {
        int step = SPECIES.length();
        int i = 0;
        // Two accumulators: one FMA chain would wait on its own latency at every step.
        FloatVector first = FloatVector.zero(SPECIES);
        FloatVector second = FloatVector.zero(SPECIES);
        for (int bound = a.length - 2 * step; i <= bound; i += 2 * step) {
            first = FloatVector.fromArray(SPECIES, a, i).fma(FloatVector.fromArray(SPECIES, b, i), first);
            second = FloatVector.fromArray(SPECIES, a, i + step)
                    .fma(FloatVector.fromArray(SPECIES, b, i + step), second);
        }
        for (int bound = SPECIES.loopBound(a.length); i < bound; i += step) {
            first = FloatVector.fromArray(SPECIES, a, i).fma(FloatVector.fromArray(SPECIES, b, i), first);
        }
        float sum = first.add(second).reduceLanes(VectorOperators.ADD);
        for (; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    /** {@code target = decay * target + factor * x}. */
    static void decayAndAdd(float[] target, float decay, float factor, float[] x) {
        int step = SPECIES.length();
        int i = 0;
        for (int bound = SPECIES.loopBound(target.length); i < bound; i += step) {
            FloatVector.fromArray(SPECIES, x, i)
                    .mul(factor)
                    .add(FloatVector.fromArray(SPECIES, target, i).mul(decay))
                    .intoArray(target, i);
        }
        for (; i < target.length; i++) {
            target[i] = decay * target[i] + factor * x[i];
        }
    }
}
