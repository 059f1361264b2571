package it.sportello.routing.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * How urgent a waiting ticket is, in words: "scade tra 20 min", "scaduto da 1 h 5 min", with the
 * style that goes with it (overdue in red, due within the hour in amber).
 */
@Component
class DueLabels {

    static final Duration SOON = Duration.ofHours(1);

    private final MessageSource messages;
    private final Clock clock;

    DueLabels(MessageSource messages, Clock clock) {
        this.messages = messages;
        this.clock = clock;
    }

    /** A label and its style ({@code overdue}, {@code soon}, {@code later}, {@code none}). */
    record Due(String text, String style) {}

    Due of(Instant dueAt) {
        if (dueAt == null) {
            return new Due(text("routing.due.none"), "none");
        }
        Duration left = Duration.between(clock.instant(), dueAt);
        if (left.isNegative()) {
            return new Due(text("routing.due.overdue", span(left.negated())), "overdue");
        }
        return new Due(text("routing.due.in", span(left)), left.compareTo(SOON) <= 0 ? "soon" : "later");
    }

    /** "20 min", "3 h 5 min", "2 g 4 h": as precise as one glance needs. */
    String span(Duration duration) {
        long minutes = Math.max(1, duration.toMinutes());
        if (minutes < 60) {
            return text("routing.span.minutes", minutes);
        }
        if (minutes < 24 * 60) {
            return text("routing.span.hours", minutes / 60, minutes % 60);
        }
        return text("routing.span.days", minutes / (24 * 60), minutes % (24 * 60) / 60);
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }
}
