package it.sportello.ticket;

import it.sportello.shared.InvalidInputException;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** Tags are short lower-case labels: "fattura", "reso-merce". Spaces become dashes; duplicates fold. */
final class Tags {

    static final int MAX_LENGTH = 50;
    static final int MAX_COUNT = 30;

    private Tags() {}

    static Set<String> normalise(Collection<String> tags) {
        Set<String> result = new TreeSet<>();
        if (tags == null) {
            return result;
        }
        for (String tag : tags) {
            String clean =
                    tag == null ? "" : tag.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", "-");
            if (clean.isEmpty()) {
                continue;
            }
            if (clean.length() > MAX_LENGTH || !clean.matches("[\\p{L}\\p{N}_.:-]+")) {
                throw new InvalidInputException(
                        "tags",
                        "'" + tag + "' is not a valid tag (letters, digits, - _ . : and up to " + MAX_LENGTH
                                + " characters)");
            }
            result.add(clean);
        }
        if (result.size() > MAX_COUNT) {
            throw new InvalidInputException("tags", "at most " + MAX_COUNT + " tags");
        }
        return result;
    }
}
