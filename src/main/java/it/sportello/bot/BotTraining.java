package it.sportello.bot;

import it.sportello.bot.internal.BotModel;
import it.sportello.bot.internal.BotModelFile;
import it.sportello.bot.internal.BotTrainer;
import it.sportello.bot.internal.FaqVariant;
import it.sportello.knowledge.FaqCatalog;
import it.sportello.knowledge.FaqDatabaseChanged;
import it.sportello.knowledge.FaqEntry;
import it.sportello.knowledge.FaqTranslation;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the bot learning from the current FAQ database, in the background: at start-up it
 * serves the model stored in the data directory (no retraining when it is current), and each
 * change of the FAQ database makes it train again while the previous model keeps answering.
 * Changes that arrive during a training are gathered into one more training afterwards.
 */
@Component
class BotTraining implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(BotTraining.class);

    private final FaqCatalog catalog;
    private final OutOfScopeExamples outOfScope;
    private final BotEngine engine;
    private final BotTrainer trainer;
    private final BotSettings settings;
    private final Clock clock;
    private final Path modelFile;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "bot-training");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        return thread;
    });
    private final AtomicBoolean queued = new AtomicBoolean();
    /** Set when the out-of-scope examples changed: train again even if the FAQ revision did not move. */
    private volatile boolean recalibrate;

    BotTraining(
            FaqCatalog catalog,
            OutOfScopeExamples outOfScope,
            BotEngine engine,
            BotTrainer trainer,
            BotSettings settings,
            Clock clock,
            @Value("${sportello.data-dir}") Path dataDir) {
        this.catalog = catalog;
        this.outOfScope = outOfScope;
        this.engine = engine;
        this.trainer = trainer;
        this.settings = settings;
        this.clock = clock;
        this.modelFile = dataDir.resolve("bot").resolve("model.bin");
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (!settings.enabled()) {
            return;
        }
        try {
            BotModelFile.read(modelFile, trainer::analyzer).ifPresent(stored -> {
                stored.model().seed(trainer.encoder().cache());
                engine.serve(stored);
                log.info(
                        "Bot answers with its stored model of FAQ revision {}",
                        stored.model().revision());
            });
        } catch (IOException | RuntimeException e) {
            log.warn("The bot's stored model could not be read ({}); it learns again", e.toString());
        }
        request(catalog.revision());
    }

    @ApplicationModuleListener
    void on(FaqDatabaseChanged changed) {
        if (settings.enabled()) {
            request(changed.revision());
        }
    }

    /** New out-of-scope examples move the hand-off threshold: learn again, even for the same FAQ revision. */
    @org.springframework.transaction.event.TransactionalEventListener
    void on(OutOfScopeExamples.Changed changed) {
        if (settings.enabled()) {
            recalibrate = true;
            request(catalog.revision());
        }
    }

    private void request(long revision) {
        engine.expect(revision);
        if (engine.serving().model().revision() >= revision && !recalibrate) {
            return;
        }
        if (queued.compareAndSet(false, true)) {
            worker.execute(this::trainUntilCurrent);
        }
    }

    private void trainUntilCurrent() {
        queued.set(false);
        try {
            long revision = catalog.revision();
            if (engine.serving().model().revision() >= revision && !recalibrate) {
                return;
            }
            recalibrate = false;
            train(revision);
            if (catalog.revision() > revision) {
                request(catalog.revision());
            }
        } catch (RuntimeException e) {
            log.error("The bot could not learn the FAQ database; the previous model keeps answering", e);
        }
    }

    private void train(long revision) {
        long started = System.nanoTime();
        List<FaqVariant> variants = new ArrayList<>();
        Map<String, Map<String, String>> answers = new HashMap<>();
        for (FaqEntry entry : catalog.published()) {
            for (FaqTranslation translation : entry.translations()) {
                String locale = translation.locale().code();
                for (String question : translation.questions()) {
                    variants.add(new FaqVariant(entry.faqId(), locale, question));
                }
                answers.computeIfAbsent(entry.faqId(), id -> new HashMap<>()).put(locale, translation.answerText());
            }
        }
        BotModel model = trainer.train(
                variants,
                outOfScope.asVariants(),
                settings.targetPrecision(),
                settings.outOfScopeHandoff(),
                revision,
                clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        BotModelFile.Stored stored = new BotModelFile.Stored(model, answers);
        engine.serve(stored);
        try {
            BotModelFile.write(modelFile, model, answers);
        } catch (IOException e) {
            log.warn("The bot's model could not be stored in {}: it will learn again after a restart", modelFile, e);
        }
        log.info(
                "Bot learned FAQ revision {} ({} variants) in {} ms",
                revision,
                variants.size(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
