package it.sportello.portal.web;

import it.sportello.identity.UserManagement;
import it.sportello.shared.SupportedLocale;
import java.util.regex.Pattern;

/** The sign-up form as typed. The password is never shown back. */
record SignUpForm(String name, String email, String password, String language) {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    static final int MAX_NAME = 200;
    static final int MAX_EMAIL = 254;

    static SignUpForm empty(SupportedLocale language) {
        return new SignUpForm("", "", "", language.code());
    }

    /** The form to show again after an error: everything but the password. */
    SignUpForm withoutPassword() {
        return new SignUpForm(name, email, "", language);
    }

    SupportedLocale locale() {
        return SupportedLocale.fromCode(language).orElse(SupportedLocale.IT);
    }

    void check(FormErrors errors) {
        if (name == null || name.isBlank()) {
            errors.reject("name", "portal.signup.name.required");
        } else if (name.strip().length() > MAX_NAME) {
            errors.reject("name", "portal.signup.name.too-long", MAX_NAME);
        }
        if (email == null || email.isBlank()) {
            errors.reject("email", "portal.email.required");
        } else if (!looksLikeEmail(email)) {
            errors.reject("email", "portal.email.invalid");
        }
        if (password == null || password.length() < UserManagement.MIN_PASSWORD_LENGTH) {
            errors.reject("password", "portal.signup.password.too-short", UserManagement.MIN_PASSWORD_LENGTH);
        }
        if (SupportedLocale.fromCode(language).isEmpty()) {
            errors.reject("language", "portal.signup.language.required");
        }
    }

    /** A plausible address: something, an @, a domain with a dot; the mail server has the final word. */
    static boolean looksLikeEmail(String value) {
        return value != null
                && value.strip().length() <= MAX_EMAIL
                && EMAIL.matcher(value.strip()).matches();
    }
}
