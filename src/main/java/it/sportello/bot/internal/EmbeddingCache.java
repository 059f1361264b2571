package it.sportello.bot.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sentence vectors already computed, by sentence. The stored model carries the vectors of every
 * variant it learned, and seeds this cache when it is loaded, so a restart or a small change of
 * the FAQ database embeds only the sentences that are new.
 */
public class EmbeddingCache {

    private final Map<String, float[]> vectors = new ConcurrentHashMap<>();

    public float[] get(String text) {
        return vectors.get(text);
    }

    public void put(String text, float[] vector) {
        vectors.putIfAbsent(text, vector);
    }
}
