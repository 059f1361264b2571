package it.sportello.channel.email.inbound;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Folds away what a reply repeats: the quoted history below a reply header ("Il giorno ... ha
 * scritto:", "On ... wrote:", "-----Original Message-----", Outlook's "Da: ... Inviato:"), a
 * trailing block of "&gt;" lines, and the signature after "-- ". The result is for display only;
 * the message keeps its full text. If folding would leave nothing, the text stays as it is.
 */
public final class QuotedHistory {

    private static final Pattern ITALIAN_HEADER_START =
            Pattern.compile("^\\s*Il (giorno )?.*", Pattern.CASE_INSENSITIVE);
    private static final Pattern ITALIAN_HEADER_END =
            Pattern.compile(".*\\bha scritto:\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern ENGLISH_HEADER_START = Pattern.compile("^\\s*On\\s.*");
    private static final Pattern ENGLISH_HEADER_END = Pattern.compile(".*\\bwrote:\\s*$");
    private static final Pattern ORIGINAL_MESSAGE = Pattern.compile(
            "^\\s*-{2,}\\s*(Original Message|Messaggio originale)\\s*-{2,}\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern OUTLOOK_FROM =
            Pattern.compile("^\\s*\\*?(Da|From):\\*?\\s.+", Pattern.CASE_INSENSITIVE);
    private static final Pattern OUTLOOK_SENT =
            Pattern.compile("^\\s*\\*?(Inviato|Sent):\\*?\\s.+", Pattern.CASE_INSENSITIVE);
    private static final Pattern SIGNATURE = Pattern.compile("^-- ?$");
    private static final Pattern LINE_BREAK = Pattern.compile("\r\n|\r|\n");

    private QuotedHistory() {}

    public static String fold(String text) {
        OptionalInt from = quotedFrom(text);
        return from.isPresent()
                ? text.substring(0, from.getAsInt()).replace("\r\n", "\n").strip()
                : text;
    }

    /**
     * The character offset in {@code text} where the history or signature begins (the start of its
     * first line), or empty when there is none, or when folding would leave nothing new.
     */
    public static OptionalInt quotedFrom(String text) {
        if (text == null || text.isBlank()) {
            return OptionalInt.empty();
        }
        List<String> lines = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        Matcher breaks = LINE_BREAK.matcher(text);
        int start = 0;
        while (breaks.find()) {
            lines.add(text.substring(start, breaks.start()));
            starts.add(start);
            start = breaks.end();
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
            starts.add(start);
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (SIGNATURE.matcher(line).matches()
                    || ORIGINAL_MESSAGE.matcher(line).matches()
                    || replyHeaderAt(lines, i, ITALIAN_HEADER_START, ITALIAN_HEADER_END)
                    || replyHeaderAt(lines, i, ENGLISH_HEADER_START, ENGLISH_HEADER_END)
                    || outlookHeaderAt(lines, i)
                    || onlyQuotesFrom(lines, i)) {
                int offset = starts.get(i);
                return text.substring(0, offset).isBlank() ? OptionalInt.empty() : OptionalInt.of(offset);
            }
        }
        return OptionalInt.empty();
    }

    /** A header that starts on this line and ends (with "wrote:") on it or one of the next two, as clients wrap it. */
    private static boolean replyHeaderAt(List<String> lines, int i, Pattern start, Pattern end) {
        if (!start.matcher(lines.get(i)).matches()) {
            return false;
        }
        for (int j = i; j < Math.min(lines.size(), i + 3); j++) {
            if (end.matcher(lines.get(j)).matches()) {
                return true;
            }
            if (j > i && lines.get(j).isBlank()) {
                return false;
            }
        }
        return false;
    }

    private static boolean outlookHeaderAt(List<String> lines, int i) {
        if (!OUTLOOK_FROM.matcher(lines.get(i)).matches()) {
            return false;
        }
        for (int j = i + 1; j < Math.min(lines.size(), i + 4); j++) {
            if (OUTLOOK_SENT.matcher(lines.get(j)).matches()) {
                return true;
            }
        }
        return false;
    }

    /** From here on only quoted or blank lines: the history. Quotes answered in between stay. */
    private static boolean onlyQuotesFrom(List<String> lines, int i) {
        if (!lines.get(i).startsWith(">")) {
            return false;
        }
        for (int j = i; j < lines.size(); j++) {
            String line = lines.get(j);
            if (!line.isBlank() && !line.startsWith(">")) {
                return false;
            }
        }
        return true;
    }
}
