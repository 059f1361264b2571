package it.sportello.bot.internal;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns sentences into unit-length vectors with the sentence-embedding model shipped in a Maven
 * artifact (bge-small-en-v1.5, quantised, on ONNX Runtime; nothing is downloaded at run time).
 * Vectors already known to the {@link EmbeddingCache} are not computed again, so retraining after
 * a small change of the FAQ database, or after a restart, embeds only the new sentences.
 */
public class SentenceEncoder {

    private static final int BATCH = 64;

    private final java.util.function.Supplier<EmbeddingModel> model;
    private final EmbeddingCache cache;
    private final java.util.concurrent.atomic.AtomicLong computed = new java.util.concurrent.atomic.AtomicLong();

    /** {@code model} is asked for only when a sentence needs embedding: loading it is costly. */
    public SentenceEncoder(java.util.function.Supplier<EmbeddingModel> model, EmbeddingCache cache) {
        this.model = model;
        this.cache = cache;
    }

    /** One question, as the bot is asked it: never cached (customers rarely ask twice the same way). */
    public float[] encode(String text) {
        return Vectors.normalised(model.get().embed(text).content().vector());
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
        List<String> missing = new ArrayList<>(unseen);
        for (int from = 0; from < missing.size(); from += BATCH) {
            List<String> batch = missing.subList(from, Math.min(missing.size(), from + BATCH));
            var embeddings = model.get()
                    .embedAll(batch.stream().map(TextSegment::from).toList())
                    .content();
            computed.addAndGet(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                cache.put(batch.get(i), Vectors.normalised(embeddings.get(i).vector()));
            }
        }
        List<float[]> vectors = new ArrayList<>(texts.size());
        for (String text : texts) {
            vectors.add(cache.get(text));
        }
        return vectors;
    }
}
