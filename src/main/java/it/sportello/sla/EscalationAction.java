package it.sportello.sla;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import it.sportello.shared.EnumCodes;

/** What an escalation rule does to a ticket whose clock warned or breached. */
public enum EscalationAction {
    /** A notice to the supervisors of the ticket's group (every supervisor when it has none). */
    NOTIFY_SUPERVISORS,
    /** The priority up to the rule's level, or one step up when the rule names none. */
    RAISE_PRIORITY,
    /** The ticket to the rule's group and/or agent. */
    REASSIGN;

    @JsonValue
    public String code() {
        return EnumCodes.code(this);
    }

    @JsonCreator
    public static EscalationAction fromCode(String code) {
        return EnumCodes.parse(EscalationAction.class, code, "action");
    }
}
