package it.sportello.customer;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import it.sportello.shared.EnumCodes;

/** Where a customer stands with the company; it changes what a good answer looks like. */
public enum JourneyStage {
    AWARENESS,
    CONSIDERATION,
    DECISION,
    POST_PURCHASE;

    @JsonValue
    public String code() {
        return EnumCodes.code(this);
    }

    @JsonCreator
    public static JourneyStage fromCode(String code) {
        return EnumCodes.parse(JourneyStage.class, code, "journey stage");
    }
}
