package it.sportello.shared;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Inbound plain text made fit to store: Unicode normalised (NFC), control characters other than
 * line breaks and tabs removed, line endings unified, surrounding blank space trimmed.
 */
public final class PlainText {

    private static final Pattern BLANK_RUN = Pattern.compile("\\s+");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\t]]|[\\u200B\\u2028\\u2029\\uFEFF]");

    private PlainText() {}

    public static String clean(String text) {
        if (text == null) {
            return "";
        }
        String unified = text.replace("\r\n", "\n").replace('\r', '\n');
        return CONTROL.matcher(Normalizer.normalize(unified, Normalizer.Form.NFC))
                .replaceAll("")
                .strip();
    }

    /** A single-line value (a name, a subject): line breaks and runs of blank space fold to one space. */
    public static String line(String text) {
        return BLANK_RUN.matcher(clean(text)).replaceAll(" ");
    }
}
