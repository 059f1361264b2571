package it.sportello.bot.internal;

import java.util.Random;

/**
 * A linear classifier over sentence vectors (multinomial logistic regression), trained on the
 * question variants by stochastic gradient descent. It learns which directions of the embedding
 * space tell the entries apart, where nearest neighbours only see distances.
 */
final class SoftmaxHead {

    /** Vectors have unit length, so raw dot products are small; scaling sharpens the softmax. */
    private static final float SCALE = 20f;

    private static final float L2 = 1e-5f;

    private final float[][] weights;
    private final float[] bias;

    private SoftmaxHead(float[][] weights, float[] bias) {
        this.weights = weights;
        this.bias = bias;
    }

    static SoftmaxHead of(float[][] weights, float[] bias) {
        return new SoftmaxHead(weights, bias);
    }

    float[][] weights() {
        return weights;
    }

    float[] bias() {
        return bias;
    }

    /**
     * Trains on {@code vectors} with class {@code labels[i]} for each. Deterministic: the same
     * data gives the same head, so every node of a cluster answers alike.
     */
    static SoftmaxHead train(float[][] vectors, int[] labels, int classes, int epochs) {
        int dimensions = vectors.length == 0 ? 0 : vectors[0].length;
        float[][] weights = new float[classes][dimensions];
        float[] bias = new float[classes];
        int[] order = new int[vectors.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Random random = new Random(42);
        float rate = 0.5f;
        float[] probabilities = new float[classes];
        for (int epoch = 0; epoch < epochs; epoch++) {
            shuffle(order, random);
            for (int i : order) {
                float[] x = vectors[i];
                probabilities(weights, bias, x, probabilities);
                for (int c = 0; c < classes; c++) {
                    float gradient = probabilities[c] - (c == labels[i] ? 1f : 0f);
                    // Most classes are already far from this example; skipping them is most of the speed.
                    if (Math.abs(gradient) < 1e-4f) {
                        continue;
                    }
                    Vectors.decayAndAdd(weights[c], 1f - rate * L2, -rate * gradient, x);
                    bias[c] -= rate * gradient * 0.1f;
                }
            }
            rate *= 0.85f;
        }
        return new SoftmaxHead(weights, bias);
    }

    float[] probabilities(float[] x) {
        float[] out = new float[bias.length];
        probabilities(weights, bias, x, out);
        return out;
    }

    private static void probabilities(float[][] weights, float[] bias, float[] x, float[] out) {
        float max = Float.NEGATIVE_INFINITY;
        for (int c = 0; c < out.length; c++) {
            out[c] = SCALE * Vectors.dot(weights[c], x) + bias[c];
            max = Math.max(max, out[c]);
        }
        float sum = 0;
        for (int c = 0; c < out.length; c++) {
            out[c] = (float) Math.exp(out[c] - max);
            sum += out[c];
        }
        for (int c = 0; c < out.length; c++) {
            out[c] /= sum;
        }
    }

    private static void shuffle(int[] order, Random random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
    }
}
