package it.sportello.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The mail the e-mail benchmarks deliver: an Outlook windows-1252 multipart/alternative, a
 * Thunderbird ISO-8859-1 reply and, one in ten, a Gmail message with an inline image and two
 * attachments, each copy with its own Message-ID and sender so every one opens a ticket.
 */
final class MailCorpus {

    private final String run = Long.toString(System.currentTimeMillis(), 36);
    private final String marker;
    private final List<String> templates = List.of(
            fixture("outlook-windows-1252.eml"),
            fixture("thunderbird-iso-8859-1-reply.eml"),
            fixture("gmail-alternative-inline-attachment.eml"));

    /** {@code marker} keeps the ids of one benchmark apart from another's in the same schema. */
    MailCorpus(String marker) {
        this.marker = marker;
    }

    /** Message n of the corpus, raw. */
    byte[] mail(long n) {
        String template = templates.get(n % 10 == 0 ? 2 : (int) (n % 2));
        String id = run + marker + n;
        String text = template.replace("{{ID}}", id)
                .replace("{{FROM}}", "giulia." + id + "@example.it")
                .replace("{{SUBJECT}}", "Indirizzo di consegna " + n)
                .replace("{{IN_REPLY_TO}}", "<unknown-" + id + "@example.it>");
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String fixture(String name) {
        try (InputStream in = MailCorpus.class.getResourceAsStream("/email/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
