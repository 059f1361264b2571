package it.sportello.channel.email.outbound;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * The application with a real SMTP server (an in-process GreenMail) that a test can stop and start
 * again on the same port, and an outbox that retries within seconds: 1 s, 2 s, 2 s, then gives up.
 * Test classes also name the host with {@code @TestPropertySource(properties = MAIL_HOST)}, since
 * Spring decides whether to make a mail sender before registrars run.
 */
@TestConfiguration(proxyBeanMethods = false)
class OutboxMailSettings {

    static final String MAIL_HOST = "spring.mail.host=127.0.0.1";

    static final String DESK = "assistenza@desk.test";

    static final int MAX_ATTEMPTS = 4;

    static final int PORT = freePort();

    private static GreenMail server = startServer();

    @Bean
    DynamicPropertyRegistrar outboxMailProperties() {
        return registry -> {
            registry.add("spring.mail.port", () -> PORT);
            registry.add("spring.mail.properties.mail.smtp.connectiontimeout", () -> "2000");
            registry.add("spring.mail.properties.mail.smtp.timeout", () -> "5000");
            registry.add("sportello.email.default-from", () -> "Sportello <" + DESK + ">");
            registry.add("sportello.email.outbox.interval", () -> "200ms");
            registry.add("sportello.email.outbox.first-retry", () -> "1s");
            registry.add("sportello.email.outbox.max-retry", () -> "2s");
            registry.add("sportello.email.outbox.max-attempts", () -> MAX_ATTEMPTS);
        };
    }

    /**
     * Test classes share one database, and the other classes' desks have no mail server: the mail
     * they queued (replies on e-mail tickets, acknowledgements) would all go out here first and
     * hold up what a test waits for. Set it aside; this class's own tests queue their mail afresh.
     */
    static void setAsideMailQueuedByOtherTests(JdbcTemplate jdbc) {
        jdbc.update("update channel_email_outbox set status = 'FAILED', last_error = 'left by another test class'"
                + " where status = 'QUEUED'");
    }

    static synchronized GreenMail server() {
        return server;
    }

    /** Stops the mail server: connections to its port are refused until {@link #startServer()}. */
    static synchronized void stopServer() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    static synchronized GreenMail startServer() {
        if (server == null) {
            server = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            server.start();
            GreenMail started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "stop-greenmail"));
        }
        return server;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
