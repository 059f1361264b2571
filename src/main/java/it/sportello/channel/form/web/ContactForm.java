package it.sportello.channel.form.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * What a visitor fills in. {@code website} is the honeypot: hidden from people (and from screen
 * readers), filled by bots that complete every field. {@code suggestionToken} names this visit of
 * the form to the help center, whose answers are suggested while the subject is written.
 */
record ContactForm(
        @Size(max = 120, message = "{contact.error.name-length}")
        String name,

        @NotBlank(message = "{contact.error.email-required}")
        @Email(message = "{contact.error.email-invalid}")
        @Size(max = 254, message = "{contact.error.email-invalid}")
        String email,

        @NotBlank(message = "{contact.error.subject-required}")
        @Size(max = 200, message = "{contact.error.subject-length}")
        String subject,

        @NotBlank(message = "{contact.error.message-required}")
        @Size(max = 10_000, message = "{contact.error.message-length}")
        String message,

        String website,

        String suggestionToken) {

    static ContactForm empty(String suggestionToken) {
        return new ContactForm("", "", "", "", "", suggestionToken);
    }

    boolean caughtInHoneypot() {
        return website != null && !website.isBlank();
    }
}
