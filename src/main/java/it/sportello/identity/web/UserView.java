package it.sportello.identity.web;

import it.sportello.identity.Role;
import it.sportello.identity.User;
import it.sportello.shared.SupportedLocale;
import java.time.Instant;

/** A user as the API shows it; never the password hash. */
record UserView(
        long id,
        String email,
        String displayName,
        Role role,
        SupportedLocale locale,
        boolean active,
        Instant createdAt,
        Instant updatedAt) {

    static UserView of(User user) {
        return new UserView(
                user.id().value(),
                user.email(),
                user.displayName(),
                user.role(),
                user.locale(),
                user.active(),
                user.createdAt(),
                user.updatedAt());
    }
}
