package it.sportello.automation;

import it.sportello.shared.PlainText;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One test a ticket must pass: {@code kind} with its {@code value} (a comma list for the
 * {@code *_is} kinds: "email, web"; a word or phrase for text and tags; a calendar id or nothing
 * for business hours).
 */
public record Condition(ConditionKind kind, String value) {

    /** The same condition with its value cleaned to one plain line. */
    Condition cleaned() {
        return new Condition(kind, value == null ? null : PlainText.line(value));
    }

    /** The values of a comma list, trimmed, empty ones left out. */
    List<String> values() {
        return value == null
                ? List.of()
                : Arrays.stream(value.split(","))
                        .map(String::trim)
                        .filter(v -> !v.isEmpty())
                        .toList();
    }

    void validate(String field, Map<String, String> errors) {
        if (kind == null) {
            errors.put(field + ".kind", "must be one of the condition kinds");
            return;
        }
        if (!kind.valueOptional() && values().isEmpty()) {
            errors.put(field + ".value", "must not be blank");
            return;
        }
        try {
            switch (kind) {
                case CHANNEL_IS -> values().forEach(it.sportello.ticket.Channel::fromCode);
                case PRIORITY_IS -> values().forEach(it.sportello.ticket.Priority::fromCode);
                case STATUS_IS -> values().forEach(it.sportello.ticket.TicketStatus::fromCode);
                case LANGUAGE_IS ->
                    values().forEach(v -> it.sportello.shared.SupportedLocale.fromCode(v)
                            .orElseThrow(
                                    () -> new IllegalArgumentException("unknown language '" + v + "'; one of it, en")));
                case INSIDE_BUSINESS_HOURS, OUTSIDE_BUSINESS_HOURS -> {
                    if (!values().isEmpty()) {
                        Long.parseLong(values().getFirst());
                    }
                }
                default -> {}
            }
        } catch (NumberFormatException e) {
            errors.put(field + ".value", "must be a calendar id");
        } catch (IllegalArgumentException e) {
            errors.put(field + ".value", e.getMessage());
        }
    }
}
