package it.sportello.bot.internal;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;

/**
 * A trained model on disk, so a restart answers at once instead of training again: the variants
 * with their vectors, the head's weights and the calibration, per language, plus the answers.
 * Written to a temporary file and moved into place, so a crash never leaves half a model.
 */
public final class BotModelFile {

    private static final int FORMAT = 1;

    private BotModelFile() {}

    /** A model and the answers it gives, by entry and language. */
    public record Stored(BotModel model, Map<String, Map<String, String>> answers) {}

    public static void write(Path file, BotModel model, Map<String, Map<String, String>> answers) throws IOException {
        Files.createDirectories(file.getParent());
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try (var out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(temporary)))) {
            out.writeInt(FORMAT);
            out.writeLong(model.revision());
            out.writeLong(model.trainedAt().toEpochMilli());
            out.writeInt(model.languages().size());
            for (var entry : model.languages().entrySet()) {
                out.writeUTF(entry.getKey());
                writeLanguage(out, entry.getValue());
            }
            out.writeInt(answers.size());
            for (var entry : answers.entrySet()) {
                out.writeUTF(entry.getKey());
                out.writeInt(entry.getValue().size());
                for (var answer : entry.getValue().entrySet()) {
                    out.writeUTF(answer.getKey());
                    writeLong(out, answer.getValue());
                }
            }
        }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The stored model, or empty when there is none or it is of another format. */
    public static Optional<Stored> read(Path file, Function<String, Analyzer> analyzers) throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try (var in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (in.readInt() != FORMAT) {
                return Optional.empty();
            }
            long revision = in.readLong();
            Instant trainedAt = Instant.ofEpochMilli(in.readLong());
            int languageCount = in.readInt();
            Map<String, BotModel.Language> languages = new HashMap<>();
            for (int l = 0; l < languageCount; l++) {
                String locale = in.readUTF();
                languages.put(locale, readLanguage(in, analyzers.apply(locale)));
            }
            int answerCount = in.readInt();
            Map<String, Map<String, String>> answers = new HashMap<>();
            for (int a = 0; a < answerCount; a++) {
                String faqId = in.readUTF();
                int perLocale = in.readInt();
                Map<String, String> texts = new HashMap<>();
                for (int i = 0; i < perLocale; i++) {
                    texts.put(in.readUTF(), readLong(in));
                }
                answers.put(faqId, texts);
            }
            return Optional.of(new Stored(new BotModel(revision, trainedAt, languages), answers));
        }
    }

    private static void writeLanguage(DataOutputStream out, BotModel.Language language) throws IOException {
        IntentModel intents = language.intents();
        writeStrings(out, intents.labels());
        writeStrings(out, intents.texts());
        writeMatrix(out, intents.vectors());
        out.writeInt(intents.labelOfVariant().length);
        for (int label : intents.labelOfVariant()) {
            out.writeInt(label);
        }
        writeMatrix(out, intents.head().weights());
        writeVector(out, intents.head().bias());
        Calibration calibration = language.calibration();
        writeVector(out, calibration.certainties());
        writeVector(out, calibration.precisions());
        out.writeFloat(calibration.threshold());
        out.writeDouble(calibration.targetPrecision());
    }

    private static BotModel.Language readLanguage(DataInputStream in, Analyzer analyzer) throws IOException {
        List<String> labels = readStrings(in);
        List<String> texts = readStrings(in);
        float[][] vectors = readMatrix(in);
        int[] labelOfVariant = new int[in.readInt()];
        for (int i = 0; i < labelOfVariant.length; i++) {
            labelOfVariant[i] = in.readInt();
        }
        SoftmaxHead head = SoftmaxHead.of(readMatrix(in), readVector(in));
        Calibration calibration = new Calibration(readVector(in), readVector(in), in.readFloat(), in.readDouble());
        return new BotModel.Language(
                IntentModel.restore(labels, texts, vectors, labelOfVariant, head, analyzer), calibration);
    }

    private static void writeStrings(DataOutputStream out, List<String> strings) throws IOException {
        out.writeInt(strings.size());
        for (String s : strings) {
            out.writeUTF(s);
        }
    }

    private static List<String> readStrings(DataInputStream in) throws IOException {
        int size = in.readInt();
        List<String> strings = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            strings.add(in.readUTF());
        }
        return strings;
    }

    /** Answers can outgrow writeUTF's 64 kB limit: length-prefixed UTF-8 instead. */
    private static void writeLong(DataOutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readLong(DataInputStream in) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void writeMatrix(DataOutputStream out, float[][] matrix) throws IOException {
        out.writeInt(matrix.length);
        for (float[] row : matrix) {
            writeVector(out, row);
        }
    }

    private static float[][] readMatrix(DataInputStream in) throws IOException {
        float[][] matrix = new float[in.readInt()][];
        for (int i = 0; i < matrix.length; i++) {
            matrix[i] = readVector(in);
        }
        return matrix;
    }

    private static void writeVector(DataOutputStream out, float[] vector) throws IOException {
        out.writeInt(vector.length);
        for (float value : vector) {
            out.writeFloat(value);
        }
    }

    private static float[] readVector(DataInputStream in) throws IOException {
        float[] vector = new float[in.readInt()];
        for (int i = 0; i < vector.length; i++) {
            vector[i] = in.readFloat();
        }
        return vector;
    }
}
