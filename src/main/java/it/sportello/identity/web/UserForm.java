package it.sportello.identity.web;

import it.sportello.identity.Role;
import it.sportello.shared.SupportedLocale;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A new user. Without a password the user cannot sign in until one is set. */
record UserForm(
        @NotBlank @Email @Size(max = 254) String email,
        @NotBlank @Size(max = 200) String displayName,
        @NotNull Role role,
        SupportedLocale locale,
        @Size(max = 200) String password) {}
