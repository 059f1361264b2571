package it.sportello.bot.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The bot's own runner of the bge-small model must give the vectors langchain4j's gives: the
 * thresholds and the accuracy on the dev sets were measured with those.
 */
class OnnxSentenceModelTests {

    private static final List<String> SENTENCES = List.of(
            "How do I reset my password?",
            "my card has not arrived yet, what should I do",
            "Come posso cambiare l'indirizzo di consegna?",
            "perché il mio pagamento è stato rifiutato",
            "x",
            "Dai 0 punti su 6 a The Gate of Worlds");

    @Test
    void givesTheVectorsOfLangchain4jsModel() {
        var reference = new BgeSmallEnV15QuantizedEmbeddingModel();
        // Embedded in parallel (a worker per core), each sentence must get the vector it gets alone.
        List<float[]> vectors = SharedEncoderModel.get().embedAll(SENTENCES);

        for (int i = 0; i < SENTENCES.size(); i++) {
            float[] expected = reference.embed(SENTENCES.get(i)).content().vector();
            float cosine = Vectors.dot(Vectors.normalised(expected), Vectors.normalised(vectors.get(i)));
            assertThat(cosine).as(SENTENCES.get(i)).isGreaterThan(0.99999f);
            assertThat(Vectors.normalised(SharedEncoderModel.get().embed(SENTENCES.get(i))))
                    .as("one sentence alone, like a question")
                    .containsExactly(Vectors.normalised(vectors.get(i)));
        }
    }
}
