package it.sportello.identity.web;

import it.sportello.identity.Role;
import it.sportello.identity.User;
import it.sportello.shared.SupportedLocale;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The admin's "edit user" form: every field as it should be afterwards; a blank new password keeps the old one. */
record AdminUserChangesForm(
        @NotBlank(message = "{admin.error.required}")
        @Email(message = "{admin.error.email}")
        @Size(max = 254, message = "{admin.error.too-long}")
        String email,

        @NotBlank(message = "{admin.error.required}") @Size(max = 200, message = "{admin.error.too-long}")
        String displayName,

        @NotNull(message = "{admin.error.required}") Role role,
        @NotNull(message = "{admin.error.required}") SupportedLocale locale,
        @NotNull(message = "{admin.error.required}") Boolean active,
        @Size(max = 200, message = "{admin.error.too-long}") String newPassword) {

    static AdminUserChangesForm of(User user) {
        return new AdminUserChangesForm(
                user.email(), user.displayName(), user.role(), user.locale(), user.active(), "");
    }

    /** The new password, or null when the field was left blank. */
    String passwordOrNull() {
        return newPassword == null || newPassword.isEmpty() ? null : newPassword;
    }
}
