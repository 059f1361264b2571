package it.sportello.portal.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * What is wrong with one form submission, field by field, already in the page's language. Pages
 * show each next to its field ({@code errors['email']}) and mark the field invalid.
 */
final class FormErrors {

    private final MessageSource messages;
    private final Map<String, String> byField = new LinkedHashMap<>();

    FormErrors(MessageSource messages) {
        this.messages = messages;
    }

    /** Records the first problem with {@code field}; later ones wait until that one is fixed. */
    FormErrors reject(String field, String messageKey, Object... arguments) {
        byField.putIfAbsent(field, messages.getMessage(messageKey, arguments, LocaleContextHolder.getLocale()));
        return this;
    }

    boolean any() {
        return !byField.isEmpty();
    }

    Map<String, String> asMap() {
        return Map.copyOf(byField);
    }
}
