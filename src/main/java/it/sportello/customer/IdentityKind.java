package it.sportello.customer;

import java.util.Locale;

/** The kinds of address by which a customer reaches the desk; each address belongs to one customer. */
public enum IdentityKind {
    EMAIL,
    PHONE,
    CHAT,
    SOCIAL;

    /** The canonical form an address is stored and matched in. */
    public String normalise(String value) {
        String trimmed = value == null ? "" : value.trim();
        return switch (this) {
            case EMAIL -> trimmed.toLowerCase(Locale.ROOT);
            case PHONE -> normalisePhone(trimmed);
            case CHAT -> trimmed;
            case SOCIAL -> trimmed.toLowerCase(Locale.ROOT);
        };
    }

    /** {@code +39 02 1234-567} and {@code 0039021234567} are the same number: {@code +39021234567}. */
    private static String normalisePhone(String phone) {
        boolean international = phone.startsWith("+") || phone.startsWith("00");
        String digits = phone.replaceAll("\\D", "");
        if (phone.startsWith("00")) {
            digits = digits.substring(2);
        }
        return international ? "+" + digits : digits;
    }
}
