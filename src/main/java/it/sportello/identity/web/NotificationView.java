package it.sportello.identity.web;

import it.sportello.identity.Notification;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import org.springframework.context.MessageSource;

/** A notice as its reader sees it: the text in their language, where it leads, whether it was read. */
record NotificationView(long id, String text, String link, Instant createdAt, boolean read) {

    static NotificationView of(Notification n, MessageSource messages, Locale locale) {
        String text;
        try {
            text = messages.getMessage(n.messageKey(), n.arguments(), n.messageKey(), locale);
        } catch (IllegalArgumentException wantsNumbers) {
            // Arguments are kept as text; a text that counts ("{0,choice,...}") needs them as numbers.
            text = messages.getMessage(n.messageKey(), numbers(n.arguments()), n.messageKey(), locale);
        }
        return new NotificationView(n.id(), text, n.link().orElse(null), n.createdAt(), n.isRead());
    }

    private static Object[] numbers(Object[] arguments) {
        return Arrays.stream(arguments)
                .map(a -> a instanceof String s && s.matches("-?\\d{1,18}") ? (Object) Long.valueOf(s) : a)
                .toArray();
    }
}
