package it.sportello.ticket;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import it.sportello.shared.EnumCodes;

/** How urgent a ticket is. */
public enum Priority {
    LOW,
    NORMAL,
    HIGH,
    URGENT;

    @JsonValue
    public String code() {
        return EnumCodes.code(this);
    }

    @JsonCreator
    public static Priority fromCode(String code) {
        return EnumCodes.parse(Priority.class, code, "priority");
    }
}
