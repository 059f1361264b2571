package it.sportello.automation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import it.sportello.shared.EnumCodes;

/**
 * What a condition looks at. The {@code *_IS} kinds take a comma list of acceptable values; the
 * business-hours kinds take a calendar id, or nothing for the default calendar.
 */
public enum ConditionKind {
    CHANNEL_IS,
    PRIORITY_IS,
    STATUS_IS,
    TAGS_CONTAIN,
    TAGS_DONT_CONTAIN,
    TEXT_CONTAINS,
    EMAIL_DOMAIN_IS,
    ORGANISATION_IS,
    LANGUAGE_IS,
    INSIDE_BUSINESS_HOURS,
    OUTSIDE_BUSINESS_HOURS;

    @JsonValue
    public String code() {
        return EnumCodes.code(this);
    }

    @JsonCreator
    public static ConditionKind fromCode(String code) {
        return EnumCodes.parse(ConditionKind.class, code, "condition");
    }

    /** Whether this kind works without a value. */
    public boolean valueOptional() {
        return this == INSIDE_BUSINESS_HOURS || this == OUTSIDE_BUSINESS_HOURS;
    }
}
