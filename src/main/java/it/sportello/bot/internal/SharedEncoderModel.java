package it.sportello.bot.internal;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;

/**
 * The sentence-embedding model, loaded once per JVM on first use (it holds ~100 MB of native
 * memory and is thread-safe): application contexts that come and go, as in a test run, share it.
 */
public final class SharedEncoderModel {

    private SharedEncoderModel() {}

    private static final class Holder {
        static final EmbeddingModel MODEL = new BgeSmallEnV15QuantizedEmbeddingModel();
    }

    public static EmbeddingModel get() {
        return Holder.MODEL;
    }
}
