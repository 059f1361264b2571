package it.sportello.channel.email.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.support.ApiTestCase;
import it.sportello.support.Desk;
import it.sportello.support.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The raw-MIME pipe refuses a message over {@code sportello.email.max-message-size} with 413 and
 * keeps nothing of it: no intake row, no stored file, no half-written copy. (The same settings as
 * the mailbox tests, so both share one application context.)
 */
@IntegrationTest
@TestPropertySource(
        properties = {
            "sportello.email.mailboxes.check-every=300ms",
            "sportello.email.max-message-size=64KB",
            "sportello.email.mailboxes.window=2"
        })
class InboundSizeLimitTests extends ApiTestCase {

    private static final String INBOUND = "/api/v1/channels/email/inbound";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    JdbcTemplate jdbc;

    @Value("${sportello.data-dir}")
    Path dataDir;

    @Test
    void aMessageDeclaredLargerThanTheLimitIsRefusedWith413AndNothingIsKept() throws Exception {
        String id = Fixtures.unique();
        Set<Path> before = storedFiles();

        HttpResponse<String> response = send(HttpRequest.BodyPublishers.ofByteArray(tooLarge(id)));

        assertRefused(response);
        assertNothingKept(id, before);
    }

    @Test
    void aMessageSentWithoutItsLengthIsRefusedWith413OnceItPassesTheLimitAndNothingIsKept() throws Exception {
        String id = Fixtures.unique();
        byte[] mail = tooLarge(id);
        Set<Path> before = storedFiles();

        // No Content-Length (chunked): the limit is only found out while the message is being stored.
        HttpResponse<String> response =
                send(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(mail)));

        assertRefused(response);
        assertNothingKept(id, before);
    }

    @Test
    void aMessageJustUnderTheLimitIsStillTakenIn() throws Exception {
        String id = Fixtures.unique();
        byte[] mail = mail(id, 60 * 1024);

        HttpResponse<String> response = send(HttpRequest.BodyPublishers.ofByteArray(mail));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(intakeRows(id)).isEqualTo(1);
    }

    private static void assertRefused(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(413);
        assertThat(problem.get("detail").asString()).contains(String.valueOf(64 * 1024));
    }

    private void assertNothingKept(String id, Set<Path> before) throws IOException {
        assertThat(intakeRows(id)).as("intake rows of the refused message").isZero();
        List<Path> left = storedFiles().stream()
                .filter(file -> !before.contains(file))
                .filter(file -> contains(file, id))
                .toList();
        assertThat(left).as("files of the refused message left in the store").isEmpty();
        try (Stream<Path> files = Files.walk(dataDir.resolve("mail"))) {
            assertThat(files.filter(file -> file.getFileName().toString().endsWith(".part"))
                            .filter(file -> contains(file, id))
                            .toList())
                    .as("half-written copies")
                    .isEmpty();
        }
    }

    private int intakeRows(String id) {
        return jdbc.queryForObject(
                "select count(*) from email_intake where message_id like ?", Integer.class, "%" + id + "%");
    }

    private HttpResponse<String> send(HttpRequest.BodyPublisher body) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + INBOUND))
                        .header("Authorization", "Bearer " + Desk.ADMIN)
                        .header("Content-Type", "message/rfc822")
                        .header("Accept", "application/json")
                        .POST(body)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private Set<Path> storedFiles() throws IOException {
        Path root = dataDir.resolve("mail");
        if (!Files.exists(root)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).collect(Collectors.toSet());
        }
    }

    private static boolean contains(Path file, String id) {
        try {
            return Files.exists(file) && new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(id);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] tooLarge(String id) {
        return mail(id, 100 * 1024);
    }

    /** A plain message of about {@code size} bytes whose Message-ID carries {@code id}. */
    private static byte[] mail(String id, int size) {
        String head = "From: Cliente <cliente." + id + "@example.it>\r\n"
                + "To: assistenza@negozio.test\r\n"
                + "Subject: Allegato enorme " + id + "\r\n"
                + "Message-ID: <" + id + "@example.it>\r\n"
                + "Date: Mon, 23 Nov 2026 10:00:00 +0100\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=us-ascii\r\n"
                + "\r\n";
        StringBuilder text = new StringBuilder(head);
        String line = "Riga di testo " + id + " " + "x".repeat(60) + "\r\n";
        while (text.length() + line.length() <= size) {
            text.append(line);
        }
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
