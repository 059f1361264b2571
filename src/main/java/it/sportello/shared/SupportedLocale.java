package it.sportello.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The languages Sportello speaks. Italian first: it is the default wherever nothing else is known. */
public enum SupportedLocale {
    IT(Locale.ITALIAN),
    EN(Locale.ENGLISH);

    private final Locale locale;

    SupportedLocale(Locale locale) {
        this.locale = locale;
    }

    public Locale locale() {
        return locale;
    }

    @JsonValue
    public String code() {
        return locale.getLanguage();
    }

    /** Reads {@code "it"} or {@code "en"} from JSON; anything else is refused with the choices. */
    @JsonCreator
    public static SupportedLocale fromJson(String code) {
        return fromCode(code)
                .orElseThrow(() -> new IllegalArgumentException("unknown locale '" + code + "'; one of it, en"));
    }

    /** The locale for a code such as {@code "it"} or {@code "en-GB"}; empty when we do not speak it. */
    public static Optional<SupportedLocale> fromCode(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        String language = Locale.forLanguageTag(code.trim().replace('_', '-')).getLanguage();
        return Arrays.stream(values()).filter(l -> l.code().equals(language)).findFirst();
    }
}
