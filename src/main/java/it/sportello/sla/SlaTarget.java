package it.sportello.sla;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import it.sportello.shared.EnumCodes;

/** The promises a service-level policy makes about one ticket, each kept by a clock of its own. */
public enum SlaTarget {
    /** The desk's first public answer after the customer's first message. */
    FIRST_RESPONSE,
    /** The desk's next public answer after each later message of the customer. */
    NEXT_RESPONSE,
    /** The ticket solved. */
    RESOLUTION;

    @JsonValue
    public String code() {
        return EnumCodes.code(this);
    }

    @JsonCreator
    public static SlaTarget fromCode(String code) {
        return EnumCodes.parse(SlaTarget.class, code, "target");
    }
}
