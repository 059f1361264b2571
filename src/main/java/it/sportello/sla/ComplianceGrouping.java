package it.sportello.sla;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import it.sportello.shared.EnumCodes;

/** How compliance figures are broken down besides the whole desk's. */
public enum ComplianceGrouping {
    NONE,
    /** By the ticket's channel. */
    CHANNEL,
    /** By the ticket's group (its team), as it is now. */
    TEAM,
    /** By the ticket's assignee, as it is now. */
    AGENT;

    @JsonValue
    public String code() {
        return EnumCodes.code(this);
    }

    @JsonCreator
    public static ComplianceGrouping fromCode(String code) {
        return EnumCodes.parse(ComplianceGrouping.class, code, "groupBy");
    }
}
