package it.sportello.automation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import it.sportello.shared.EnumCodes;

/** What a time rule measures from: the instant its clock starts for a ticket. */
public enum TimeMeasure {
    /** Since the ticket entered the rule's status. */
    IN_STATUS,
    /** Since the customer last wrote. */
    SINCE_CUSTOMER_MESSAGE,
    /** Since an agent last answered in public. */
    SINCE_AGENT_REPLY,
    /** Since the ticket was opened. */
    SINCE_CREATION;

    @JsonValue
    public String code() {
        return EnumCodes.code(this);
    }

    @JsonCreator
    public static TimeMeasure fromCode(String code) {
        return EnumCodes.parse(TimeMeasure.class, code, "measure");
    }
}
