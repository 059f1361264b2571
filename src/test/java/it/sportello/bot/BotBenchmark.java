package it.sportello.bot;

import it.sportello.bot.internal.BotModel;
import it.sportello.bot.internal.BotTrainer;
import it.sportello.bot.internal.EmbeddingCache;
import it.sportello.bot.internal.FaqVariant;
import it.sportello.bot.internal.SentenceEncoder;
import it.sportello.knowledge.LanguageAnalyzers;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The bot on the shared data sets ({@code ../shared/data/bot}): loads an FAQ file, trains the
 * engine from scratch (embedding included), answers a queries file and prints top-1 accuracy on
 * in-scope questions, the share of them answered, the precision of answered ones, the share of
 * out-of-scope questions handed off, answer latency p50/p99 and the training time.
 *
 * <p>Run: {@code ./mvnw -Pbenchmark test -Dtest=BotBenchmark} (every dev set), or one set with
 * {@code -Dbench.faq=path/faq.csv -Dbench.queries=path/queries.csv [-Dbench.out-of-scope=path]
 * [-Dbench.per-intent=10]}. Run the JVM with {@code --add-modules jdk.incubator.vector} (the
 * profile does) for the vector maths.
 */
@Tag("benchmark")
class BotBenchmark {

    private static final Path DATA = Path.of(System.getProperty("bench.bot-data", "../shared/data/bot"));
    private static final double TARGET_PRECISION = Double.parseDouble(System.getProperty("bench.precision", "0.98"));
    private static final double OUT_OF_SCOPE_HANDOFF =
            Double.parseDouble(System.getProperty("bench.out-of-scope-handoff", "0.9"));

    record Query(String text, String expected, String locale) {}

    record Figures(
            String name,
            int variants,
            double top1,
            double answered,
            double precision,
            double outOfScopeHandedOff,
            double p50,
            double p99,
            double trainingSeconds,
            double trainingCpuSeconds) {}

    @Test
    void devSets() throws IOException {
        List<Figures> table = new ArrayList<>();
        String faq = System.getProperty("bench.faq");
        if (faq != null) {
            table.add(run(
                    "custom",
                    Path.of(faq),
                    Path.of(System.getProperty("bench.queries")),
                    optionalPath(System.getProperty("bench.out-of-scope")),
                    Integer.getInteger("bench.per-intent", 0)));
        } else {
            table.add(run(
                    "banking77",
                    DATA.resolve("banking77/dev-faq.csv"),
                    DATA.resolve("banking77/dev-queries.csv"),
                    null,
                    0));
            table.add(run(
                    "banking77 10/intent",
                    DATA.resolve("banking77/dev-faq.csv"),
                    DATA.resolve("banking77/dev-queries.csv"),
                    null,
                    10));
            table.add(run(
                    "clinc150",
                    DATA.resolve("clinc150/faq.csv"),
                    DATA.resolve("clinc150/dev-queries.csv"),
                    DATA.resolve("clinc150/out-of-scope-examples.csv"),
                    0));
            table.add(run(
                    "xsid it", DATA.resolve("xsid/dev-faq-it.csv"), DATA.resolve("xsid/dev-queries-it.csv"), null, 0));
            table.add(run(
                    "xsid en", DATA.resolve("xsid/dev-faq-en.csv"), DATA.resolve("xsid/dev-queries-en.csv"), null, 0));
        }
        System.out.println();
        System.out.println(
                "| set | variants | top-1 in-scope | in-scope answered | precision of answered | out-of-scope handed off | p50 ms | p99 ms | training s | training CPU s |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        for (Figures f : table) {
            System.out.printf(
                    "| %s | %d | %.2f %% | %.2f %% | %.2f %% | %s | %.2f | %.2f | %.1f | %.1f |%n",
                    f.name(),
                    f.variants(),
                    100 * f.top1(),
                    100 * f.answered(),
                    100 * f.precision(),
                    Double.isNaN(f.outOfScopeHandedOff())
                            ? "—"
                            : String.format("%.2f %%", 100 * f.outOfScopeHandedOff()),
                    f.p50(),
                    f.p99(),
                    f.trainingSeconds(),
                    f.trainingCpuSeconds());
        }
        System.out.printf(
                "load average %.2f%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** CPU time of the whole JVM (all threads), in nanoseconds. */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static Path optionalPath(String path) {
        return path == null ? null : Path.of(path);
    }

    static Figures run(String name, Path faqFile, Path queriesFile, Path outOfScopeFile, int perIntent)
            throws IOException {
        List<FaqVariant> variants = variants(faqFile, perIntent);
        List<Query> queries = queries(queriesFile);
        List<FaqVariant> outOfScope = outOfScopeFile == null
                ? List.of()
                : queries(outOfScopeFile).stream()
                        .map(q -> new FaqVariant(null, q.locale(), q.text()))
                        .toList();
        // A fresh, in-memory embedding cache: the training time includes embedding every variant.
        var model = it.sportello.bot.internal.SharedEncoderModel.get();
        SentenceEncoder encoder = new SentenceEncoder(() -> model, new EmbeddingCache());
        encoder.encode("warm up");
        BotTrainer trainer = new BotTrainer(encoder, LanguageAnalyzers::forCode);
        long start = System.nanoTime();
        long cpuStart = processCpuNanos();
        BotModel bot = trainer.train(variants, outOfScope, TARGET_PRECISION, OUT_OF_SCOPE_HANDOFF, 1, Instant.now());
        double trainingSeconds = (System.nanoTime() - start) / 1e9;
        // CPU time as well: on a shared machine the wall time says as much about the neighbours.
        double trainingCpuSeconds = (processCpuNanos() - cpuStart) / 1e9;

        int inScope = 0;
        int right = 0;
        int answeredInScope = 0;
        int answered = 0;
        int answeredRight = 0;
        int unanswerable = 0;
        int handedOff = 0;
        long[] latencies = new long[queries.size()];
        long[] embedding = new long[queries.size()];
        List<Float> inScopeCertainties = new ArrayList<>();
        List<Boolean> inScopeRight = new ArrayList<>();
        List<Float> outOfScopeCertainties = new ArrayList<>();
        for (int i = 0; i < queries.size(); i++) {
            Query query = queries.get(i);
            long t0 = System.nanoTime();
            float[] vector = encoder.encode(query.text());
            long t1 = System.nanoTime();
            BotModel.Decision decision = bot.decide(query.text(), vector, query.locale());
            latencies[i] = System.nanoTime() - t0;
            embedding[i] = t1 - t0;
            boolean isRight = query.expected() != null && query.expected().equals(decision.faqId());
            if (query.expected() == null) {
                outOfScopeCertainties.add(decision.certainty());
            } else {
                inScopeCertainties.add(decision.certainty());
                inScopeRight.add(isRight);
            }
            if (query.expected() == null) {
                unanswerable++;
                handedOff += decision.answer() ? 0 : 1;
            } else {
                inScope++;
                right += isRight ? 1 : 0;
                answeredInScope += decision.answer() ? 1 : 0;
            }
            if (decision.answer()) {
                answered++;
                answeredRight += isRight ? 1 : 0;
            }
        }
        Arrays.sort(latencies);
        Arrays.sort(embedding);
        System.out.printf(
                "%s: of the answer time, embedding the question p50 %.2f ms, p99 %.2f ms%n",
                name,
                embedding[embedding.length / 2] / 1e6,
                embedding[(int) Math.min(embedding.length - 1, Math.ceil(embedding.length * 0.99) - 1)] / 1e6);
        Figures figures = new Figures(
                name,
                variants.size(),
                (double) right / inScope,
                (double) answeredInScope / inScope,
                answered == 0 ? Double.NaN : (double) answeredRight / answered,
                unanswerable == 0 ? Double.NaN : (double) handedOff / unanswerable,
                latencies[latencies.length / 2] / 1e6,
                latencies[(int) Math.min(latencies.length - 1, Math.ceil(latencies.length * 0.99) - 1)] / 1e6,
                trainingSeconds,
                trainingCpuSeconds);
        if (!outOfScopeCertainties.isEmpty()) {
            // Where the engine could stand: the threshold that hands over 85 % of these out-of-scope
            // questions, and what it would leave of the in-scope ones (a diagnosis, not a tuning).
            List<Float> sorted = outOfScopeCertainties.stream().sorted().toList();
            float at = Math.nextUp(sorted.get((int) Math.ceil(0.85 * sorted.size()) - 1));
            int answeredThere = 0;
            int rightThere = 0;
            for (int i = 0; i < inScopeCertainties.size(); i++) {
                if (inScopeCertainties.get(i) >= at) {
                    answeredThere++;
                    rightThere += inScopeRight.get(i) ? 1 : 0;
                }
            }
            System.out.printf(
                    "%s: handing over 85 %% of out-of-scope needs certainty >= %.3f; in-scope answered there %.2f %%, right %.2f %%%n",
                    name,
                    at,
                    100.0 * answeredThere / inScopeCertainties.size(),
                    100.0 * rightThere / Math.max(1, answeredThere));
        }
        System.out.println(figures + " thresholds " + Map.of("en", bot.threshold("en"), "it", bot.threshold("it")));
        return figures;
    }

    static List<FaqVariant> variants(Path file, int perIntent) throws IOException {
        List<FaqVariant> variants = new ArrayList<>();
        Map<String, Integer> taken = new HashMap<>();
        for (List<String> row : csv(file)) {
            String faqId = row.get(0);
            if (perIntent > 0 && taken.merge(faqId, 1, Integer::sum) > perIntent) {
                continue;
            }
            variants.add(new FaqVariant(faqId, row.get(1), row.get(2)));
        }
        return variants;
    }

    static List<Query> queries(Path file) throws IOException {
        return csv(file).stream()
                .map(row -> new Query(row.get(0), row.get(1).isBlank() ? null : row.get(1), row.get(2)))
                .toList();
    }

    private static List<List<String>> csv(Path file) throws IOException {
        try (var in = Files.newInputStream(file)) {
            return it.sportello.knowledge.internal.FaqCsv.rows(in);
        }
    }
}
