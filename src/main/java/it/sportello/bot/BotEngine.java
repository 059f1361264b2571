package it.sportello.bot;

import it.sportello.bot.internal.BotModel;
import it.sportello.bot.internal.BotModelFile;
import it.sportello.bot.internal.SentenceEncoder;
import it.sportello.shared.InvalidInputException;
import it.sportello.shared.PlainText;
import it.sportello.shared.SupportedLocale;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Service;

/**
 * Answers customers' questions from the FAQ database: the entry it would answer with, its
 * confidence, and whether to hand the customer to a person instead. It always answers with the
 * last model that finished training; a newer one replaces it whole once ready.
 */
@Service
public class BotEngine {

    private final SentenceEncoder encoder;
    private final BotSettings settings;
    private final AtomicReference<BotModelFile.Stored> serving =
            new AtomicReference<>(new BotModelFile.Stored(BotModel.empty(-1, Instant.EPOCH), Map.of()));
    private volatile long wanted = -1;

    BotEngine(SentenceEncoder encoder, BotSettings settings) {
        this.encoder = encoder;
        this.settings = settings;
    }

    public BotAnswer answer(String text, SupportedLocale locale) {
        String question = PlainText.line(text);
        if (question.isEmpty()) {
            throw new InvalidInputException("text", "the customer's question");
        }
        if (question.length() > settings.maxQuestionLength()) {
            throw new InvalidInputException("text", "at most " + settings.maxQuestionLength() + " characters");
        }
        BotModelFile.Stored current = serving.get();
        if (!current.model().knows(locale.code())) {
            return new BotAnswer(null, null, 0.0, true, List.of());
        }
        BotModel.Decision decision = current.model().decide(question, encoder.encode(question), locale.code());
        String answer = decision.faqId() == null
                ? null
                : current.answers().getOrDefault(decision.faqId(), Map.of()).get(locale.code());
        return new BotAnswer(
                decision.faqId(),
                answer,
                round(decision.confidence()),
                !decision.answer() || answer == null,
                decision.alternatives().stream()
                        .map(a -> new BotAnswer.Alternative(a.faqId(), round(a.confidence())))
                        .toList());
    }

    public BotStatus status() {
        BotModel model = serving.get().model();
        boolean ready = model.revision() >= 0 && model.revision() >= wanted;
        return new BotStatus(
                ready ? "ready" : "training",
                Math.max(model.revision(), 0),
                model.revision() >= 0 ? model.trainedAt() : null);
    }

    /** The FAQ revision that should be answering; until a model of it serves, the bot is "training". */
    void expect(long revision) {
        wanted = Math.max(wanted, revision);
    }

    void serve(BotModelFile.Stored model) {
        serving.updateAndGet(
                current -> current.model().revision() > model.model().revision() ? current : model);
    }

    BotModelFile.Stored serving() {
        return serving.get();
    }

    private static double round(double confidence) {
        return Math.round(confidence * 1000) / 1000.0;
    }
}
