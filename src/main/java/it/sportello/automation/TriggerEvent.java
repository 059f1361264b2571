package it.sportello.automation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import it.sportello.shared.EnumCodes;

/** The ticket event a trigger listens to. */
public enum TriggerEvent {
    TICKET_CREATED,
    CUSTOMER_REPLIED,
    STATUS_CHANGED,
    SLA_WARNING,
    SLA_BREACHED;

    @JsonValue
    public String code() {
        return EnumCodes.code(this);
    }

    @JsonCreator
    public static TriggerEvent fromCode(String code) {
        return EnumCodes.parse(TriggerEvent.class, code, "event");
    }
}
