package it.sportello.channel.email.inbound;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The e-mail corpus under {@code src/test/resources/email}: real shapes with placeholders
 * ({@code {{ID}}} and others) filled in byte for byte, so legacy charsets stay exactly as sent, and
 * each test gets its own Message-IDs and senders in a database shared by all tests.
 */
final class Fixtures {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Fixtures() {}

    /** A fresh token for {@code {{ID}}}. */
    static String unique() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    static byte[] mail(String name, String... keysAndValues) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            values.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        values.putIfAbsent("ID", unique());
        try (InputStream in = Fixtures.class.getResourceAsStream("/email/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No fixture " + name);
            }
            // ISO-8859-1 maps every byte to one char and back: the original bytes survive the replacing.
            String text = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            for (Map.Entry<String, String> value : values.entrySet()) {
                text = text.replace("{{" + value.getKey() + "}}", value.getValue());
            }
            return text.getBytes(StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path file(Path directory, byte[] mail) {
        try {
            Path file = Files.createTempFile(directory, "mail-", ".eml");
            Files.write(file, mail);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** POSTs a raw message to the intake endpoint; returns status and body. */
    static HttpResponse<String> post(int port, String token, byte[] mail) {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/channels/email/inbound"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "message/rfc822")
                .POST(HttpRequest.BodyPublishers.ofByteArray(mail))
                .build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
