package it.sportello.shared.web;

import jakarta.servlet.http.Cookie;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DateTimeException;
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
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Instants as people read them, in the reader's time zone (their browser's, remembered by
 * {@code /js/sportello.js} in the {@value #ZONE_COOKIE} cookie; else the desk's, Europe/Rome unless configured) and the
 * page language: relative while recent ("3 minuti fa"), then a date. Templates call it as
 * {@code ${@dates.relative(instant)}} and {@code ${@dates.full(instant)}}.
 */
@Component("dates")
public class Dates {

    private final Clock clock;
    private final MessageSource messages;
    /** The cookie in which the browser tells its time zone (an IANA name such as {@code Europe/Rome}). */
    public static final String ZONE_COOKIE = "sportello-tz";

    private final ZoneId deskZone;

    Dates(Clock clock, MessageSource messages, @Value("${sportello.time-zone:Europe/Rome}") ZoneId zone) {
        this.clock = clock;
        this.messages = messages;
        this.deskZone = zone;
    }

    /** The zone of the person being served: their browser's when it said, else the desk's. */
    public ZoneId zone() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes current) {
            Cookie[] cookies = current.getRequest().getCookies();
            if (cookies != null) {
                for (Cookie cookie : cookies) {
                    if (ZONE_COOKIE.equals(cookie.getName())) {
                        return parse(cookie.getValue());
                    }
                }
            }
        }
        return deskZone;
    }

    private ZoneId parse(String name) {
        try {
            return ZoneId.of(URLDecoder.decode(name, StandardCharsets.UTF_8));
        } catch (DateTimeException | IllegalArgumentException e) {
            return deskZone;
        }
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
        ZoneId zone = zone();
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
        return instant.atZone(zone())
                .format(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                        .withLocale(LocaleContextHolder.getLocale()));
    }

    /** The machine-readable form for {@code <time datetime>}. */
    public String iso(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ISO_INSTANT.format(instant);
    }
}
