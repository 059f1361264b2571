package it.sportello.bot.internal;

import org.apache.lucene.util.VectorUtil;

/**
 * Vector maths for the bot: with the JDK's Vector API (SIMD) when the JVM runs with
 * {@code --add-modules jdk.incubator.vector}, through Lucene's plain loops otherwise.
 */
final class Vectors {

    /** Constant for the JIT, so the check costs nothing per call. */
    private static final boolean SIMD =
            ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    private Vectors() {}

    static boolean simd() {
        return SIMD;
    }

    static float dot(float[] a, float[] b) {
        return SIMD ? SimdVectors.dot(a, b) : VectorUtil.dotProduct(a, b);
    }

    static float[] normalised(float[] vector) {
        float[] copy = vector.clone();
        double norm = Math.sqrt(VectorUtil.dotProduct(copy, copy));
        if (norm > 0) {
            for (int i = 0; i < copy.length; i++) {
                copy[i] /= (float) norm;
            }
        }
        return copy;
    }

    /** {@code target = decay * target + factor * x}, in one pass. */
    static void decayAndAdd(float[] target, float decay, float factor, float[] x) {
        if (SIMD) {
            SimdVectors.decayAndAdd(target, decay, factor, x);
            return;
        }
        for (int i = 0; i < target.length; i++) {
            target[i] = decay * target[i] + factor * x[i];
        }
    }
}
