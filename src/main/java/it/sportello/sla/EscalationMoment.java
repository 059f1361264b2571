package it.sportello.sla;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import it.sportello.shared.EnumCodes;

/** When an escalation rule acts: as the clock warns, or as it breaches. */
public enum EscalationMoment {
    WARNING,
    BREACH;

    @JsonValue
    public String code() {
        return EnumCodes.code(this);
    }

    @JsonCreator
    public static EscalationMoment fromCode(String code) {
        return EnumCodes.parse(EscalationMoment.class, code, "moment");
    }
}
