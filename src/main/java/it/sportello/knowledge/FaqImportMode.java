package it.sportello.knowledge;

import java.util.Locale;
import java.util.Optional;

/** How an imported file meets the FAQ database already there. */
public enum FaqImportMode {
    /** Each entry and language in the file replaces its namesake; everything else stays. */
    UPSERT,
    /** The file becomes the whole FAQ database: entries and languages not in it are removed. */
    REPLACE;

    public static Optional<FaqImportMode> fromCode(String code) {
        if (code == null || code.isBlank()) {
            return Optional.of(UPSERT);
        }
        try {
            return Optional.of(valueOf(code.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
