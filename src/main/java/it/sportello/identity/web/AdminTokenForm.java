package it.sportello.identity.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A token to create: what it is for, and the e-mail of the user it acts as. */
record AdminTokenForm(
        @NotBlank(message = "{admin.error.required}") @Size(max = 100, message = "{admin.error.too-long}")
        String name,

        @NotBlank(message = "{admin.error.required}") @Size(max = 254, message = "{admin.error.too-long}")
        String owner) {}
