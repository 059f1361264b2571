package it.sportello.portal;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * The application with a real mail server (an in-process GreenMail on a free port) and a small
 * sign-up allowance (the tests move the application's clock, support.MovableClock). Only the portal's mail and limit tests use it; the
 * rest of the suite runs without mail, as a desk that has not set one up. Test classes also name
 * the mail host with {@code @TestPropertySource(properties = MAIL_HOST)}: Spring decides whether to
 * make a mail sender before registrars like this one run, so the host must be known from the start.
 */
@TestConfiguration(proxyBeanMethods = false)
class PortalMailSettings {

    /** Where the links in e-mails point: a fixed public address, not whatever Host a request named. */
    static final String MAIL_HOST = "spring.mail.host=127.0.0.1";

    static final String PUBLIC_URL = "https://sportello.test";

    static final int SIGN_UPS_PER_ADDRESS = 3;

    static final GreenMail MAIL = startMailServer();

    @Bean
    DynamicPropertyRegistrar portalMailProperties() {
        return registry -> {
            registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
            registry.add("sportello.mail.from", () -> "Sportello <assistenza@sportello.test>");
            registry.add("sportello.mail.public-url", () -> PUBLIC_URL);
            registry.add("sportello.portal.max-sign-ups-per-address", () -> SIGN_UPS_PER_ADDRESS);
        };
    }

    private static GreenMail startMailServer() {
        GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        mail.start();
        Runtime.getRuntime().addShutdownHook(new Thread(mail::stop, "stop-greenmail"));
        return mail;
    }
}
