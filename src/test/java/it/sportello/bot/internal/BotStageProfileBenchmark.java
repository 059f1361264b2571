package it.sportello.bot.internal;

import it.sportello.knowledge.LanguageAnalyzers;
import it.sportello.knowledge.internal.FaqCsv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Where the bot's time goes: each stage of training and of answering timed apart, on one data set
 * ({@code -Dbench.faq=... -Dbench.queries=...}, Banking77's dev split by default). Run:
 * {@code ./mvnw -Pbenchmark test -Dtest=BotStageProfileBenchmark}.
 */
@Tag("benchmark")
class BotStageProfileBenchmark {

    @Test
    void stages() throws Exception {
        Path faq = Path.of(System.getProperty("bench.faq", "../shared/data/bot/banking77/dev-faq.csv"));
        Path queries = Path.of(System.getProperty("bench.queries", "../shared/data/bot/banking77/dev-queries.csv"));
        List<List<String>> rows;
        try (var in = Files.newInputStream(faq)) {
            rows = FaqCsv.rows(in);
        }
        List<List<String>> qrows;
        try (var in = Files.newInputStream(queries)) {
            qrows = FaqCsv.rows(in);
        }
        List<String> ids = rows.stream().map(r -> r.get(0)).toList();
        List<String> texts = rows.stream().map(r -> r.get(2)).toList();
        String locale = rows.getFirst().get(1);
        Analyzer analyzer = LanguageAnalyzers.forCode(locale);
        var model = SharedEncoderModel.get();
        SentenceEncoder encoder = new SentenceEncoder(() -> model, new EmbeddingCache());
        encoder.encode("warm up");

        System.out.println("PROFILE simd " + Vectors.simd());
        long t = System.nanoTime();
        List<float[]> vectors = encoder.encodeAll(texts);
        System.out.printf("PROFILE encodeAll %d: %.1f s%n", texts.size(), (System.nanoTime() - t) / 1e9);

        t = System.nanoTime();
        IntentModel intents = IntentModel.train(ids, texts, vectors, analyzer, BotTrainer.EPOCHS);
        System.out.printf("PROFILE IntentModel.train: %.1f s%n", (System.nanoTime() - t) / 1e9);
        t = System.nanoTime();
        SoftmaxHead.train(
                vectors.toArray(float[][]::new),
                intents.labelOfVariant(),
                intents.labels().size(),
                BotTrainer.EPOCHS);
        System.out.printf("PROFILE  of which head: %.1f s%n", (System.nanoTime() - t) / 1e9);
        t = System.nanoTime();
        new LexicalIndex(analyzer, texts, intents.labelOfVariant());
        System.out.printf("PROFILE  of which lexical index: %.2f s%n", (System.nanoTime() - t) / 1e9);

        t = System.nanoTime();
        List<Calibration.Sample> samples;
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(
                Runtime.getRuntime().availableProcessors())) {
            samples = BotTrainer.selfTest(ids, texts, vectors, analyzer, pool);
        }
        System.out.printf("PROFILE selfTest: %.1f s%n", (System.nanoTime() - t) / 1e9);
        t = System.nanoTime();
        Calibration.fit(samples, 0.98, 0.9);
        System.out.printf("PROFILE calibration fit: %.3f s%n", (System.nanoTime() - t) / 1e9);

        // answering, stage by stage
        LexicalIndex lexical = new LexicalIndex(analyzer, texts, intents.labelOfVariant());
        int n = qrows.size();
        long[] enc = new long[n],
                head = new long[n],
                knn = new long[n],
                lex = new long[n],
                rank = new long[n],
                total = new long[n];
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < n; i++) {
                String q = qrows.get(i).get(0);
                long a = System.nanoTime();
                float[] v = encoder.encode(q);
                long b = System.nanoTime();
                float[] scores = intents.head().probabilities(v);
                long c = System.nanoTime();
                float[] nearest = new float[scores.length];
                Arrays.fill(nearest, -1f);
                float[][] vs = intents.vectors();
                int[] lv = intents.labelOfVariant();
                for (int k = 0; k < vs.length; k++) {
                    float s = Vectors.dot(v, vs[k]);
                    if (s > nearest[lv[k]]) nearest[lv[k]] = s;
                }
                long d = System.nanoTime();
                lexical.score(q, 0.4f, scores);
                long e = System.nanoTime();
                Ranking.of(intents.labels(), scores);
                long f = System.nanoTime();
                enc[i] = b - a;
                head[i] = c - b;
                knn[i] = d - c;
                lex[i] = e - d;
                rank[i] = f - e;
                total[i] = f - a;
            }
        }
        for (var entry : List.of(
                java.util.Map.entry("encode", enc),
                java.util.Map.entry("head", head),
                java.util.Map.entry("knn", knn),
                java.util.Map.entry("lexical", lex),
                java.util.Map.entry("ranking", rank),
                java.util.Map.entry("total", total))) {
            long[] x = entry.getValue().clone();
            double mean = Arrays.stream(x).average().orElse(0) / 1e6;
            Arrays.sort(x);
            System.out.printf(
                    "PROFILE answer %-8s mean %.3f p50 %.3f p99 %.3f ms%n",
                    entry.getKey(), mean, x[n / 2] / 1e6, x[(int) Math.ceil(n * 0.99) - 1] / 1e6);
        }
    }
}
