package it.sportello.ticket;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import it.sportello.shared.EnumCodes;

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
        return EnumCodes.code(this);
    }

    @JsonCreator
    public static Channel fromCode(String code) {
        return EnumCodes.parse(Channel.class, code, "channel");
    }
}
