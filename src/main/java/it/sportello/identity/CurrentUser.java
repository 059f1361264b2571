package it.sportello.identity;

import java.io.Serializable;

/**
 * The authenticated caller of a request, however they authenticated (session or API token).
 * Controllers declare it as a parameter; it is never {@code null} on an authenticated endpoint.
 */
public record CurrentUser(UserId id, String email, String displayName, Role role) implements Serializable {

    public boolean isStaff() {
        return role.isStaff();
    }

    public boolean isCustomer() {
        return role == Role.CUSTOMER;
    }

    /** True when this user's role is {@code role} or one that includes it. */
    public boolean hasAtLeast(Role required) {
        if (required == Role.CUSTOMER) {
            return role == Role.CUSTOMER;
        }
        return role.isStaff() && role.ordinal() <= required.ordinal();
    }
}
