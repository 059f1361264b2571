package it.sportello.bot.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;

/**
 * Learns a {@link BotModel} from the FAQ's question variants: per language it embeds the
 * variants, trains the entries' model, and calibrates the hand-off threshold by three-fold
 * cross-validation over the variants plus the company's out-of-scope examples.
 */
public final class BotTrainer {

    static final int EPOCHS = 12;

    /** The self-test's models only measure certainty; fewer passes keep training within a minute. */
    static final int SELF_TEST_EPOCHS = 6;

    private static final int FOLDS = 3;

    private static final int THREADS = Runtime.getRuntime().availableProcessors();

    private final SentenceEncoder encoder;
    private final Function<String, Analyzer> analyzers;

    /** {@code analyzers} gives the Lucene analyzer of a language code ("it", "en"). */
    public BotTrainer(SentenceEncoder encoder, Function<String, Analyzer> analyzers) {
        this.encoder = encoder;
        this.analyzers = analyzers;
    }

    public Analyzer analyzer(String locale) {
        return analyzers.apply(locale);
    }

    public SentenceEncoder encoder() {
        return encoder;
    }

    /**
     * Trains on {@code variants}; {@code outOfScope} are questions (with their language) that no
     * entry answers, {@code targetPrecision} the share of answered questions that must be right,
     * {@code outOfScopeHandoff} the share of the out-of-scope examples that must be handed over.
     */
    public BotModel train(
            List<FaqVariant> variants,
            List<FaqVariant> outOfScope,
            double targetPrecision,
            double outOfScopeHandoff,
            long revision,
            Instant now) {
        Map<String, List<FaqVariant>> byLanguage = new LinkedHashMap<>();
        for (FaqVariant variant : variants) {
            byLanguage.computeIfAbsent(variant.locale(), l -> new ArrayList<>()).add(variant);
        }
        Map<String, BotModel.Language> languages = new HashMap<>();
        for (var entry : byLanguage.entrySet()) {
            String locale = entry.getKey();
            List<FaqVariant> own = entry.getValue();
            List<String> texts = own.stream().map(FaqVariant::text).toList();
            List<String> faqIds = own.stream().map(FaqVariant::faqId).toList();
            List<float[]> vectors = encoder.encodeAll(texts);
            Analyzer analyzer = analyzers.apply(locale);
            List<String> unanswerable = outOfScope.stream()
                    .filter(v -> v.locale().equals(locale))
                    .map(FaqVariant::text)
                    .toList();
            List<float[]> unanswerableVectors = encoder.encodeAll(unanswerable);
            IntentModel model;
            List<Calibration.Sample> samples;
            // The model that will answer and the self-test's models are independent: one per core.
            try (ExecutorService pool = Executors.newFixedThreadPool(
                    THREADS,
                    Thread.ofPlatform().name("bot-trainer-", 0).daemon().factory())) {
                Future<IntentModel> answering =
                        pool.submit(() -> IntentModel.train(faqIds, texts, vectors, analyzer, EPOCHS));
                samples = selfTest(faqIds, texts, vectors, analyzer, pool);
                model = answering.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while training", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("Training failed", e.getCause());
            }
            // Out-of-scope examples never train the model, so the model that will answer can judge them.
            for (int i = 0; i < unanswerable.size(); i++) {
                samples.add(new Calibration.Sample(
                        model.rank(unanswerable.get(i), unanswerableVectors.get(i))
                                .certainty(),
                        false,
                        true));
            }
            languages.put(
                    locale, new BotModel.Language(model, Calibration.fit(samples, targetPrecision, outOfScopeHandoff)));
        }
        return new BotModel(revision, now, languages);
    }

    /**
     * Each variant answered by a model that never saw it (trained on the other folds): how certain
     * the bot was, and whether it was right.
     */
    static List<Calibration.Sample> selfTest(
            List<String> faqIds, List<String> texts, List<float[]> vectors, Analyzer analyzer, ExecutorService pool)
            throws InterruptedException, ExecutionException {
        int[] fold = new int[faqIds.size()];
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < fold.length; i++) {
            fold[i] = seen.merge(faqIds.get(i), 1, Integer::sum) % FOLDS;
        }
        List<Future<List<Calibration.Sample>>> folds = new ArrayList<>();
        for (int f = 0; f < FOLDS; f++) {
            int held = f;
            folds.add(pool.submit(() -> selfTestFold(faqIds, texts, vectors, analyzer, fold, held)));
        }
        List<Calibration.Sample> samples = new ArrayList<>();
        for (Future<List<Calibration.Sample>> f : folds) {
            samples.addAll(f.get());
        }
        return samples;
    }

    /** The samples of fold {@code f}: its variants answered by a model trained on the other folds. */
    private static List<Calibration.Sample> selfTestFold(
            List<String> faqIds, List<String> texts, List<float[]> vectors, Analyzer analyzer, int[] fold, int f) {
        List<String> trainIds = new ArrayList<>();
        List<String> trainTexts = new ArrayList<>();
        List<float[]> trainVectors = new ArrayList<>();
        for (int i = 0; i < fold.length; i++) {
            if (fold[i] != f) {
                trainIds.add(faqIds.get(i));
                trainTexts.add(texts.get(i));
                trainVectors.add(vectors.get(i));
            }
        }
        List<Calibration.Sample> samples = new ArrayList<>();
        if (trainIds.isEmpty()) {
            return samples;
        }
        IntentModel model = IntentModel.train(trainIds, trainTexts, trainVectors, analyzer, SELF_TEST_EPOCHS);
        for (int i = 0; i < fold.length; i++) {
            if (fold[i] == f) {
                Ranking ranking = model.rank(texts.get(i), vectors.get(i));
                boolean right = !ranking.top().isEmpty()
                        && ranking.top().getFirst().faqId().equals(faqIds.get(i));
                samples.add(new Calibration.Sample(ranking.certainty(), right));
            }
        }
        return samples;
    }
}
