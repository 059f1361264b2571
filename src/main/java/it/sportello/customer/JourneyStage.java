package it.sportello.customer;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** Where a customer stands with the company; it changes what a good answer looks like. */
public enum JourneyStage {
    AWARENESS,
    CONSIDERATION,
    DECISION,
    POST_PURCHASE;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static JourneyStage fromCode(String code) {
        return Arrays.stream(values())
                .filter(s -> s.code().equalsIgnoreCase(code == null ? "" : code.trim()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown journey stage '" + code
                        + "'; one of awareness, consideration, decision, post_purchase"));
    }
}
