package it.sportello.shared;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How enums appear in JSON and query strings: lower-case codes ({@code on_hold}, {@code in_person}).
 * Reading an unknown code fails with a message that lists the valid ones.
 */
public final class EnumCodes {

    private EnumCodes() {}

    public static String code(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    public static <E extends Enum<E>> E parse(Class<E> type, String code, String label) {
        String wanted = code == null ? "" : code.trim();
        E[] values = type.getEnumConstants();
        return Arrays.stream(values)
                .filter(v -> code(v).equalsIgnoreCase(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown " + label + " '" + code + "'; one of "
                        + Arrays.stream(values).map(EnumCodes::code).collect(Collectors.joining(", "))));
    }
}
