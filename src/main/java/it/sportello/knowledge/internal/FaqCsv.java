package it.sportello.knowledge.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The FAQ database as CSV, in the shared format {@code faq_id,locale,question,answer}: one row
 * per way of asking, the answer on the first row of an entry (later rows may leave it empty).
 * Reading is strict (UTF-8 only, RFC 4180 quoting, every problem named with its line) so that
 * an import either takes the whole file or nothing.
 */
public final class FaqCsv {

    public static final List<String> COLUMNS = List.of("faq_id", "locale", "question", "answer");

    private FaqCsv() {}

    /** One data row, with the line of the file it starts on. */
    public record Row(int line, String faqId, String locale, String question, String answer) {}

    /** A file that cannot be imported: where, and why. */
    public static final class Problem extends RuntimeException {
        private final int line;

        public Problem(int line, String message) {
            super(message);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    public static List<Row> read(InputStream in) {
        String text = decode(in);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<Record> records = records(text);
        if (records.isEmpty() || records.getFirst().fields().stream().allMatch(String::isBlank)) {
            throw new Problem(1, "the file is empty: expected the header " + String.join(",", COLUMNS));
        }
        Map<String, Integer> header = header(records.getFirst());
        List<Row> rows = new ArrayList<>();
        for (Record record : records.subList(1, records.size())) {
            List<String> fields = record.fields();
            if (fields.size() == 1 && fields.getFirst().isBlank()) {
                continue;
            }
            if (fields.size() < header.size()) {
                throw new Problem(
                        record.line(),
                        "missing column: " + fields.size() + " values where the header has " + header.size());
            }
            if (fields.size() > header.size()) {
                throw new Problem(
                        record.line(), "too many values: " + fields.size() + " where the header has " + header.size());
            }
            rows.add(new Row(
                    record.line(),
                    fields.get(header.get("faq_id")).strip(),
                    fields.get(header.get("locale")).strip(),
                    fields.get(header.get("question")),
                    fields.get(header.get("answer"))));
        }
        return rows;
    }

    /** Any CSV file of the shared data sets (e.g. {@code text,expected_faq_id,locale}): its rows after the header. */
    public static List<List<String>> rows(InputStream in) {
        String text = decode(in);
        List<Record> records = records(text.startsWith("\uFEFF") ? text.substring(1) : text);
        return records.stream().skip(1).map(Record::fields).toList();
    }

    private static Map<String, Integer> header(Record record) {
        Map<String, Integer> positions = new HashMap<>();
        List<String> names = record.fields();
        for (int i = 0; i < names.size(); i++) {
            positions.put(names.get(i).strip().toLowerCase(Locale.ROOT), i);
        }
        for (String column : COLUMNS) {
            if (!positions.containsKey(column)) {
                throw new Problem(
                        record.line(),
                        "missing column '" + column + "' in the header; expected " + String.join(",", COLUMNS));
            }
        }
        if (positions.size() != names.size() || names.size() != COLUMNS.size()) {
            throw new Problem(record.line(), "unexpected header; expected exactly " + String.join(",", COLUMNS));
        }
        return positions;
    }

    private static String decode(InputStream in) {
        byte[] bytes;
        try {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return decoder.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new Problem(lineOfFirstBadByte(bytes), "bad encoding: the file must be UTF-8");
        }
    }

    private static int lineOfFirstBadByte(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
        int line = 1;
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                try {
                    decoder.reset().decode(ByteBuffer.wrap(bytes, start, i - start));
                } catch (CharacterCodingException e) {
                    return line;
                }
                line++;
                start = i + 1;
            }
        }
        return 1;
    }

    private record Record(int line, List<String> fields) {}

    /** RFC 4180: fields separated by commas, quoted with '"' (doubled inside), records by CRLF or LF. */
    private static List<Record> records(String text) {
        List<Record> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1;
        int recordLine = 1;
        boolean quoted = false;
        boolean fieldStarted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty() && !fieldStarted) {
                quoted = true;
                fieldStarted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                fieldStarted = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(field.toString());
                records.add(new Record(recordLine, List.copyOf(fields)));
                fields.clear();
                field.setLength(0);
                fieldStarted = false;
                line++;
                recordLine = line;
            } else {
                field.append(c);
                fieldStarted = true;
            }
        }
        if (quoted) {
            throw new Problem(recordLine, "a quoted value is never closed");
        }
        if (!field.isEmpty() || !fields.isEmpty()) {
            fields.add(field.toString());
            records.add(new Record(recordLine, List.copyOf(fields)));
        }
        return records;
    }

    /** Writes rows in the same format, quoting where needed. */
    public static void write(List<Row> rows, Writer out) {
        try {
            out.write(String.join(",", COLUMNS));
            out.write("\n");
            for (Row row : rows) {
                out.write(String.join(
                        ",", quote(row.faqId()), quote(row.locale()), quote(row.question()), quote(row.answer())));
                out.write("\n");
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String quote(String value) {
        if (value == null) {
            return "";
        }
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
