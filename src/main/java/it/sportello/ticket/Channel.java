package it.sportello.ticket;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** Where a conversation came from, and so where its answers go. */
public enum Channel {
    EMAIL,
    CHAT,
    WEB,
    PHONE,
    SOCIAL,
    REVIEW,
    IN_PERSON;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Channel fromCode(String code) {
        return Arrays.stream(values())
                .filter(v -> v.code().equalsIgnoreCase(code == null ? "" : code.trim()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown channel '" + code + "'; one of email, chat, web, phone, social, review, in_person"));
    }
}
