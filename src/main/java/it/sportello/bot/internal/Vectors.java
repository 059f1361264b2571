package it.sportello.bot.internal;

import org.apache.lucene.util.VectorUtil;

/**
 * Vector maths for the bot, through Lucene's {@link VectorUtil}: it uses the JDK's Vector API
 * (SIMD) when the JVM runs with {@code --add-modules jdk.incubator.vector}, plain loops otherwise.
 */
final class Vectors {

    private Vectors() {}

    static float dot(float[] a, float[] b) {
        return VectorUtil.dotProduct(a, b);
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
        for (int i = 0; i < target.length; i++) {
            target[i] = decay * target[i] + factor * x[i];
        }
    }
}
