package it.sportello.bot.internal;

/**
 * The sentence-embedding model, loaded once per JVM on first use (it holds ~100 MB of native
 * memory and is thread-safe): application contexts that come and go, as in a test run, share it.
 */
public final class SharedEncoderModel {

    private SharedEncoderModel() {}

    private static final class Holder {
        // One thread per inference: a question is a dozen tokens, too little to share out (measured: no
        // faster with two threads, and slower when the machine is busy); training runs one inference per core.
        static final OnnxSentenceModel MODEL =
                new OnnxSentenceModel(1, Runtime.getRuntime().availableProcessors());
    }

    public static OnnxSentenceModel get() {
        return Holder.MODEL;
    }
}
