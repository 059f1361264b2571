package it.sportello.identity.web;

import it.sportello.identity.Role;
import it.sportello.shared.SupportedLocale;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A partial change to a user: absent fields stay as they are. */
record UserChangesForm(
        @Email @Size(max = 254) String email,

        @Size(min = 1, max = 200) @Pattern(regexp = ".*\\S.*", message = "must not be blank")
        String displayName,

        Role role,
        SupportedLocale locale,
        @Size(max = 200) String password,
        Boolean active) {}
