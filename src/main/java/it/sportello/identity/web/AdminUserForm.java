package it.sportello.identity.web;

import it.sportello.identity.Role;
import it.sportello.shared.SupportedLocale;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The admin's "new user" form. The password rule (length) is checked by the controller, as the API's is. */
record AdminUserForm(
        @NotBlank(message = "{admin.error.required}")
        @Email(message = "{admin.error.email}")
        @Size(max = 254, message = "{admin.error.too-long}")
        String email,

        @NotBlank(message = "{admin.error.required}") @Size(max = 200, message = "{admin.error.too-long}")
        String displayName,

        @NotNull(message = "{admin.error.required}") Role role,
        @NotNull(message = "{admin.error.required}") SupportedLocale locale,

        @NotNull(message = "{admin.error.required}") @Size(max = 200, message = "{admin.error.too-long}")
        String password) {

    static AdminUserForm empty() {
        return new AdminUserForm("", "", Role.AGENT, SupportedLocale.IT, "");
    }
}
