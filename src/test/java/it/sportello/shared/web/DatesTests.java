package it.sportello.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.Cookie;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

class DatesTests {

    // Monday 23 November 2026, 15:30 in Rome.
    private static final Instant NOW = Instant.parse("2026-11-23T14:30:00Z");

    private final Dates dates = new Dates(Clock.fixed(NOW, ZoneId.of("UTC")), messages(), ZoneId.of("Europe/Rome"));

    @AfterEach
    void forget() {
        LocaleContextHolder.resetLocaleContext();
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void saysHowLongAgoWhileItIsRecentInItalian() {
        LocaleContextHolder.setLocale(Locale.ITALIAN);

        assertThat(dates.relative(NOW.minusSeconds(20))).isEqualTo("adesso");
        assertThat(dates.relative(NOW.minus(Duration.ofMinutes(1)))).isEqualTo("1 minuto fa");
        assertThat(dates.relative(NOW.minus(Duration.ofMinutes(3)))).isEqualTo("3 minuti fa");
        assertThat(dates.relative(NOW.minus(Duration.ofHours(2)))).isEqualTo("2 ore fa");
        assertThat(dates.relative(Instant.parse("2026-11-23T07:05:00Z"))).isEqualTo("oggi alle 08:05");
        assertThat(dates.relative(Instant.parse("2026-11-22T13:05:00Z"))).isEqualTo("ieri alle 14:05");
        assertThat(dates.relative(Instant.parse("2026-11-02T13:05:00Z")))
                .contains("2 nov 2026")
                .contains("14:05");
    }

    @Test
    void speaksEnglishToo() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);

        assertThat(dates.relative(NOW.minus(Duration.ofMinutes(1)))).isEqualTo("1 minute ago");
        assertThat(dates.relative(NOW.minus(Duration.ofHours(3)))).isEqualTo("3 hours ago");
        assertThat(dates.relative(Instant.parse("2026-11-22T13:05:00Z"))).startsWith("yesterday at 2:05");
    }

    @Test
    void showsTimesInTheReadersOwnZoneWhenTheBrowserToldIt() {
        LocaleContextHolder.setLocale(Locale.ITALIAN);
        Instant fiveOClockInRome = Instant.parse("2026-11-20T16:00:00Z");
        assertThat(dates.full(fiveOClockInRome)).contains("17:00");

        reader(new Cookie(Dates.ZONE_COOKIE, "America%2FNew_York"));

        assertThat(dates.zone()).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(dates.full(fiveOClockInRome)).contains("11:00");
    }

    @Test
    void fallsBackToTheDesksZoneOnANonsenseCookie() {
        reader(new Cookie(Dates.ZONE_COOKIE, "Mars/Olympus_Mons"));

        assertThat(dates.zone()).isEqualTo(ZoneId.of("Europe/Rome"));
    }

    private static void reader(Cookie cookie) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setCookies(cookie);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
    }

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("i18n/messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }
}
