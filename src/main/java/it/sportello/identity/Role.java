package it.sportello.identity;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import it.sportello.shared.EnumCodes;

/**
 * What a user is allowed to do. Staff roles nest (an admin can do what a supervisor can, who can
 * do what an agent can); a customer sees only their own requests.
 */
public enum Role {
    ADMIN,
    SUPERVISOR,
    AGENT,
    CUSTOMER;

    /** True for the people who work tickets, as opposed to those who raise them. */
    public boolean isStaff() {
        return this != CUSTOMER;
    }

    /** The Spring Security authority, e.g. {@code ROLE_AGENT}. */
    public String authority() {
        return "ROLE_" + name();
    }

    @JsonValue
    public String code() {
        return EnumCodes.code(this);
    }

    @JsonCreator
    public static Role fromCode(String code) {
        return EnumCodes.parse(Role.class, code, "role");
    }
}
