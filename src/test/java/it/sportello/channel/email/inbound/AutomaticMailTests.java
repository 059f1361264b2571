package it.sportello.channel.email.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which mail a machine sent: what the headers say, never a subject alone. */
class AutomaticMailTests {

    @TempDir
    Path directory;

    private final MimeParsing parsing = new MimeParsing();
    private final AutoReplyDetection detection = new AutoReplyDetection();

    private Optional<String> automatic(byte[] mail) {
        try (ParsedEmail email = parsing.parse(Fixtures.file(directory, mail))) {
            return detection.automatic(email);
        }
    }

    private static byte[] plain(String headers) {
        return ("From: Maria <maria@example.it>\r\nTo: assistenza@sportello.example\r\n" + headers
                        + "Subject: Fuori sede\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nTesto\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void anOutOfOfficeReplyWithAutoSubmittedIsAutomatic() {
        assertThat(automatic(Fixtures.mail("out-of-office.eml"))).hasValue("Auto-Submitted: auto-replied");
    }

    @Test
    void listMailIsAutomatic() {
        assertThat(automatic(Fixtures.mail("list-newsletter.eml"))).isPresent();
    }

    @Test
    void aBounceIsAutomatic() {
        assertThat(automatic(Fixtures.mail(
                        "bounce-delivery-status.eml", "RECIPIENT", "a@example.it", "TICKET", "1", "ORIGINAL", "<x@y>")))
                .isPresent();
    }

    @Test
    void mailAPersonWroteIsNotAutomaticEvenWithOutlooksSuppressHeaderOrAnOutOfOfficeSubject() {
        assertThat(automatic(Fixtures.mail("outlook-windows-1252.eml"))).isEmpty();
        assertThat(automatic(plain(""))).isEmpty();
        assertThat(automatic(plain("Auto-Submitted: no\r\n"))).isEmpty();
    }

    @Test
    void eachMachineSignIsEnoughAlone() {
        assertThat(automatic(plain("Precedence: bulk\r\n"))).isPresent();
        assertThat(automatic(plain("Precedence: junk\r\n"))).isPresent();
        assertThat(automatic(plain("Return-Path: <>\r\n"))).isPresent();
        assertThat(automatic(plain("List-Unsubscribe: <mailto:u@example.it>\r\n")))
                .isPresent();
        assertThat(automatic(plain("X-Autoreply: yes\r\n"))).isPresent();
        assertThat(automatic(plain("X-Autorespond: yes\r\n"))).isPresent();
        assertThat(automatic(plain("Auto-Submitted: auto-generated\r\n"))).isPresent();
        byte[] fromDaemon =
                "From: MAILER-DAEMON@mx.example.it\r\nSubject: x\r\n\r\ny\r\n".getBytes(StandardCharsets.US_ASCII);
        assertThat(automatic(fromDaemon)).isPresent();
        byte[] fromPostmaster =
                "From: postmaster@example.it\r\nSubject: x\r\n\r\ny\r\n".getBytes(StandardCharsets.US_ASCII);
        assertThat(automatic(fromPostmaster)).isPresent();
    }
}
