package it.sportello.bot;

import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.bot.internal.BotModel;
import it.sportello.bot.internal.BotModelFile;
import it.sportello.bot.internal.BotTrainer;
import it.sportello.bot.internal.EmbeddingCache;
import it.sportello.bot.internal.FaqVariant;
import it.sportello.bot.internal.SentenceEncoder;
import it.sportello.bot.internal.SharedEncoderModel;
import it.sportello.knowledge.LanguageAnalyzers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The answer engine on small fixed FAQ sets in Italian and English, with the real embedding model. */
class BotEngineTests {

    static final List<FaqVariant> SHOP = List.of(
            new FaqVariant("tracking", "it", "Dove si trova il mio ordine?"),
            new FaqVariant("tracking", "it", "Come posso seguire la spedizione?"),
            new FaqVariant("tracking", "it", "Il pacco non è ancora arrivato, dov'è?"),
            new FaqVariant("tracking", "it", "Vorrei il codice di tracciamento del corriere"),
            new FaqVariant("refund", "it", "Come ottengo un rimborso?"),
            new FaqVariant("refund", "it", "Voglio indietro i miei soldi"),
            new FaqVariant("refund", "it", "Quando arriva il rimborso del reso?"),
            new FaqVariant("refund", "it", "Posso essere rimborsato per un prodotto difettoso?"),
            new FaqVariant("password", "it", "Ho dimenticato la password"),
            new FaqVariant("password", "it", "Non riesco ad accedere al mio account"),
            new FaqVariant("password", "it", "Come reimposto la password?"),
            new FaqVariant("password", "it", "Il login non funziona"),
            new FaqVariant("tracking", "en", "Where is my order?"),
            new FaqVariant("tracking", "en", "How can I track my parcel?"),
            new FaqVariant("tracking", "en", "My package has not arrived yet"),
            new FaqVariant("tracking", "en", "I need the courier's tracking number"),
            new FaqVariant("refund", "en", "How do I get a refund?"),
            new FaqVariant("refund", "en", "I want my money back"),
            new FaqVariant("refund", "en", "When will my return be refunded?"),
            new FaqVariant("refund", "en", "Can I be refunded for a faulty product?"),
            new FaqVariant("password", "en", "I forgot my password"),
            new FaqVariant("password", "en", "I can't log into my account"),
            new FaqVariant("password", "en", "How do I reset my password?"),
            new FaqVariant("password", "en", "The login does not work"));

    SentenceEncoder encoder;
    BotTrainer trainer;

    @BeforeEach
    void setUp() {
        encoder = new SentenceEncoder(SharedEncoderModel::get, new EmbeddingCache());
        trainer = newTrainer(encoder);
    }

    static BotTrainer newTrainer(SentenceEncoder encoder) {
        return new BotTrainer(encoder, LanguageAnalyzers::forCode);
    }

    private BotModel.Decision ask(BotModel model, String question, String locale) {
        return model.decide(question, encoder.encode(question), locale);
    }

    @Test
    void answersWithTheRightEntryInBothLanguages() {
        BotModel model = trainer.train(SHOP, List.of(), 0.98, 0.9, 1, Instant.now());

        assertThat(ask(model, "dov'è finito il mio pacco?", "it").faqId()).isEqualTo("tracking");
        assertThat(ask(model, "vorrei un rimborso per il reso", "it").faqId()).isEqualTo("refund");
        assertThat(ask(model, "ho perso la password, come entro?", "it").faqId())
                .isEqualTo("password");
        assertThat(ask(model, "where's my parcel?", "en").faqId()).isEqualTo("tracking");
        assertThat(ask(model, "please refund my money", "en").faqId()).isEqualTo("refund");
        BotModel.Decision sure = ask(model, "I forgot my password", "en");
        assertThat(sure.faqId()).isEqualTo("password");
        assertThat(sure.answer()).isTrue();
        assertThat(sure.alternatives()).extracting(BotModel.Choice::faqId).doesNotContain("password");
    }

    @Test
    void handsOverQuestionsTheFaqDoesNotCover() {
        BotModel model = trainer.train(SHOP, List.of(), 0.98, 0.9, 1, Instant.now());

        assertThat(ask(model, "Che tempo farà domani a Bologna?", "it").answer())
                .isFalse();
        assertThat(ask(model, "Vorrei parlare con una persona del vostro ufficio legale", "it")
                        .answer())
                .isFalse();
        assertThat(ask(model, "What is the capital of Australia?", "en").answer())
                .isFalse();
        assertThat(ask(model, "Do you sell garden furniture?", "en").answer()).isFalse();
        assertThat(ask(model, "Hai un manuale?", "fr").answer())
                .as("a language it never learned")
                .isFalse();
    }

    @Test
    void learnsAnEntryAddedToTheFaq() {
        BotModel before = trainer.train(SHOP, List.of(), 0.98, 0.9, 1, Instant.now());
        List<FaqVariant> more = new ArrayList<>(SHOP);
        more.add(new FaqVariant("hours", "it", "Quali sono gli orari del negozio?"));
        more.add(new FaqVariant("hours", "it", "A che ora aprite il sabato?"));
        more.add(new FaqVariant("hours", "it", "Siete aperti la domenica?"));

        BotModel after = trainer.train(more, List.of(), 0.98, 0.9, 2, Instant.now());

        assertThat(ask(before, "a che ora chiude il negozio?", "it").faqId()).isNotEqualTo("hours");
        assertThat(ask(after, "a che ora chiude il negozio?", "it").faqId()).isEqualTo("hours");
        assertThat(after.revision()).isEqualTo(2);
    }

    @Test
    void aStoredModelAnswersAfterARestartWithoutEmbeddingTheVariantsAgain(@TempDir Path dataDir) throws Exception {
        BotModel trained = trainer.train(SHOP, List.of(), 0.98, 0.9, 7, Instant.parse("2026-11-23T10:00:00Z"));
        Path file = dataDir.resolve("bot/model.bin");
        BotModelFile.write(file, trained, Map.of("refund", Map.of("it", "Dalla pagina ordini.")));

        SentenceEncoder restarted = new SentenceEncoder(SharedEncoderModel::get, new EmbeddingCache());
        BotTrainer restartedTrainer = newTrainer(restarted);
        BotModelFile.Stored stored =
                BotModelFile.read(file, restartedTrainer::analyzer).orElseThrow();
        stored.model().seed(restarted.cache());
        restartedTrainer.train(SHOP, List.of(), 0.98, 0.9, 8, Instant.now());

        assertThat(stored.model().revision()).isEqualTo(7);
        assertThat(stored.model().trainedAt()).isEqualTo(Instant.parse("2026-11-23T10:00:00Z"));
        assertThat(stored.answers().get("refund").get("it")).isEqualTo("Dalla pagina ordini.");
        String question = "vorrei un rimborso per il reso";
        float[] vector = encoder.encode(question);
        assertThat(stored.model().decide(question, vector, "it")).isEqualTo(trained.decide(question, vector, "it"));
        assertThat(restarted.computed())
                .as("variants embedded again after the restart")
                .isZero();
        assertThat(Files.exists(file.resolveSibling("model.bin.tmp"))).isFalse();
    }
}
