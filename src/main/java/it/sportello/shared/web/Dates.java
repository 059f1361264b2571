package it.sportello.shared.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Instants as people read them, in the desk's time zone (Europe/Rome unless configured) and the
 * page language: relative while recent ("3 minuti fa"), then a date. Templates call it as
 * {@code ${@dates.relative(instant)}} and {@code ${@dates.full(instant)}}.
 */
@Component("dates")
public class Dates {

    private final Clock clock;
    private final MessageSource messages;
    private final ZoneId zone;

    Dates(Clock clock, MessageSource messages, @Value("${sportello.time-zone:Europe/Rome}") ZoneId zone) {
        this.clock = clock;
        this.messages = messages;
        this.zone = zone;
    }

    public ZoneId zone() {
        return zone;
    }

    /** "adesso", "3 minuti fa", "2 ore fa", "ieri alle 14:05", else the date (and time when useful). */
    public String relative(Instant instant) {
        if (instant == null) {
            return "";
        }
        Locale locale = LocaleContextHolder.getLocale();
        Instant now = clock.instant();
        Duration ago = Duration.between(instant, now);
        if (ago.isNegative()) {
            return full(instant);
        }
        if (ago.toSeconds() < 60) {
            return messages.getMessage("time.now", null, locale);
        }
        if (ago.toMinutes() < 60) {
            return messages.getMessage("time.minutes-ago", new Object[] {ago.toMinutes()}, locale);
        }
        if (ago.toHours() < 6) {
            return messages.getMessage("time.hours-ago", new Object[] {ago.toHours()}, locale);
        }
        ZonedDateTime then = instant.atZone(zone);
        LocalDate today = now.atZone(zone).toLocalDate();
        String time =
                then.format(DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale));
        if (then.toLocalDate().equals(today)) {
            return messages.getMessage("time.today-at", new Object[] {time}, locale);
        }
        if (then.toLocalDate().equals(today.minusDays(1))) {
            return messages.getMessage("time.yesterday-at", new Object[] {time}, locale);
        }
        return full(instant);
    }

    /** Date and time in full, for tooltips and records: "23 nov 2026, 14:05". */
    public String full(Instant instant) {
        if (instant == null) {
            return "";
        }
        return instant.atZone(zone)
                .format(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                        .withLocale(LocaleContextHolder.getLocale()));
    }

    /** The machine-readable form for {@code <time datetime>}. */
    public String iso(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ISO_INSTANT.format(instant);
    }
}
