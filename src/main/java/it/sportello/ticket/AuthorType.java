package it.sportello.ticket;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** Who wrote a message: the customer, a person of the desk, or the desk itself (automations, the bot). */
public enum AuthorType {
    CUSTOMER,
    AGENT,
    SYSTEM;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static AuthorType fromCode(String code) {
        return Arrays.stream(values())
                .filter(v -> v.code().equalsIgnoreCase(code == null ? "" : code.trim()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown author type '" + code + "'; one of customer, agent, system"));
    }
}
