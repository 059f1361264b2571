package it.sportello.ticket;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import it.sportello.shared.EnumCodes;

/** Who wrote a message: the customer, a person of the desk, or the desk itself (automations, the bot). */
public enum AuthorType {
    CUSTOMER,
    AGENT,
    SYSTEM;

    @JsonValue
    public String code() {
        return EnumCodes.code(this);
    }

    @JsonCreator
    public static AuthorType fromCode(String code) {
        return EnumCodes.parse(AuthorType.class, code, "author type");
    }
}
