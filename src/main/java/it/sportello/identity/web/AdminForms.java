package it.sportello.identity.web;

import it.sportello.identity.UserManagement;
import it.sportello.shared.InvalidInputException;
import org.springframework.validation.BindingResult;

/** Checks the admin forms share with the API's rules, reported as field errors. */
final class AdminForms {

    private AdminForms() {}

    /** The API's password rule, so a page never accepts what the API would refuse (nor the reverse). */
    static void checkPassword(String password, String field, BindingResult errors) {
        if (password != null
                && !errors.hasFieldErrors(field)
                && password.length() < UserManagement.MIN_PASSWORD_LENGTH) {
            errors.rejectValue(
                    field,
                    "admin.error.password-length",
                    new Object[] {UserManagement.MIN_PASSWORD_LENGTH},
                    "at least " + UserManagement.MIN_PASSWORD_LENGTH + " characters");
        }
    }

    /** A service's own field errors (rare: the form's checks come first), beside the fields they name. */
    static void reject(InvalidInputException e, BindingResult errors) {
        e.fieldErrors().forEach((field, message) -> {
            if (errors.getFieldType(field) != null) {
                errors.rejectValue(field, "admin.error.invalid", message);
            } else {
                errors.reject("admin.error.invalid", message);
            }
        });
    }
}
