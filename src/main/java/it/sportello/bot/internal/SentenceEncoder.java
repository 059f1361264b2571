package it.sportello.bot.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns sentences into unit-length vectors with the sentence-embedding model shipped in a Maven
 * artifact (bge-small-en-v1.5, quantised, on ONNX Runtime; nothing is downloaded at run time).
 * Vectors already known to the {@link EmbeddingCache} are not computed again, so retraining after
 * a small change of the FAQ database, or after a restart, embeds only the new sentences.
 */
public class SentenceEncoder {

    private final java.util.function.Supplier<OnnxSentenceModel> model;
    private final EmbeddingCache cache;
    private final java.util.concurrent.atomic.AtomicLong computed = new java.util.concurrent.atomic.AtomicLong();

    /** {@code model} is asked for only when a sentence needs embedding: loading it is costly. */
    public SentenceEncoder(java.util.function.Supplier<OnnxSentenceModel> model, EmbeddingCache cache) {
        this.model = model;
        this.cache = cache;
    }

    /** One question, as the bot is asked it: never cached (customers rarely ask twice the same way). */
    public float[] encode(String text) {
        return Vectors.normalised(model.get().embed(text));
    }

    /** How many sentences this encoder has embedded for training (not counting questions asked). */
    public long computed() {
        return computed.get();
    }

    public EmbeddingCache cache() {
        return cache;
    }

    /** Many sentences, reusing the cache; the result is in the order of {@code texts}. */
    public List<float[]> encodeAll(List<String> texts) {
        // A set: FAQ files hold thousands of variants, and a list's contains() made this quadratic.
        java.util.Set<String> unseen = new java.util.LinkedHashSet<>();
        for (String text : texts) {
            if (cache.get(text) == null) {
                unseen.add(text);
            }
        }
        if (!unseen.isEmpty()) {
            // All at once: the model batches sentences of like length together.
            List<String> missing = new ArrayList<>(unseen);
            List<float[]> embeddings = model.get().embedAll(missing);
            computed.addAndGet(missing.size());
            for (int i = 0; i < missing.size(); i++) {
                cache.put(missing.get(i), Vectors.normalised(embeddings.get(i)));
            }
        }
        List<float[]> vectors = new ArrayList<>(texts.size());
        for (String text : texts) {
            vectors.add(cache.get(text));
        }
        return vectors;
    }
}
