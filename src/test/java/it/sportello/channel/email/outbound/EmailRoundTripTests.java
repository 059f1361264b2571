package it.sportello.channel.email.outbound;

import static it.sportello.support.Api.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import it.sportello.support.Api;
import it.sportello.support.ApiTestCase;
import it.sportello.support.Desk;
import it.sportello.support.IntegrationTest;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The e-mail channel end to end, against a real SMTP server: a customer's mail piped in opens a
 * ticket and is acknowledged in its thread, the agent's answer leaves in the same thread, and the
 * customer's reply to that answer joins the ticket by our signed Message-ID alone.
 */
@IntegrationTest
@Import(OutboxMailSettings.class)
@TestPropertySource(properties = OutboxMailSettings.MAIL_HOST)
class EmailRoundTripTests extends ApiTestCase {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void quietOutbox() {
        OutboxMailSettings.setAsideMailQueuedByOtherTests(jdbc);
    }

    @Test
    void aCustomersMailIsAcknowledgedAnsweredAndTheReplyToTheAnswerJoinsTheTicket() throws Exception {
        String customer = Api.unique("lucia") + "@example.it";
        String firstId = "<" + Api.unique("primo") + "@example.it>";

        JsonNode opened = pipe(mail(customer, firstId, null, "Ordine 4411 non arrivato", "L'ordine non è arrivato."));
        long ticket = opened.get("ticketId").asLong();

        MimeMessage acknowledgement = awaitMail(customer, m -> header(m, "Auto-Submitted") != null);
        assertThat(acknowledgement.getSubject()).contains("[#" + ticket + "]");
        assertThat(header(acknowledgement, "Auto-Submitted")).isEqualTo("auto-replied");
        assertThat(header(acknowledgement, "In-Reply-To")).isEqualTo(firstId);

        Api.Reply answered = api.post(
                "/api/v1/tickets/" + ticket + "/messages",
                desk.agent().token(),
                object("body", "Buongiorno, il corriere consegna domani."));
        assertThat(answered.status()).as(answered.toString()).isEqualTo(201);
        MimeMessage answer = awaitMail(customer, m -> header(m, "Auto-Submitted") == null);
        assertThat(header(answer, "In-Reply-To")).isEqualTo(firstId);

        JsonNode followUp = pipe(mail(
                customer,
                "<" + Api.unique("secondo") + "@example.it>",
                answer.getMessageID(),
                "Re: la consegna",
                "Perfetto, grazie."));

        assertThat(followUp.get("ticketId").asLong())
                .as("joined by our signed Message-ID")
                .isEqualTo(ticket);
        JsonNode messages =
                api.get("/api/v1/tickets/" + ticket, Desk.ADMIN).json().get("messages");
        assertThat(messages.findValuesAsString("body"))
                .anySatisfy(body -> assertThat(body).contains("L'ordine non è arrivato."))
                .anySatisfy(body -> assertThat(body).contains("il corriere consegna domani"))
                .anySatisfy(body -> assertThat(body).contains("Perfetto, grazie."));
    }

    private static byte[] mail(String from, String messageId, String inReplyTo, String subject, String text) {
        String headers = "From: Lucia Ferri <" + from + ">\r\n"
                + "To: " + OutboxMailSettings.DESK + "\r\n"
                + "Subject: " + subject + "\r\n"
                + "Message-ID: " + messageId + "\r\n"
                + (inReplyTo == null ? "" : "In-Reply-To: " + inReplyTo + "\r\nReferences: " + inReplyTo + "\r\n")
                + "Date: Mon, 23 Nov 2026 10:00:00 +0100\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n"
                + "Content-Transfer-Encoding: 8bit\r\n\r\n";
        return (headers + text + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private JsonNode pipe(byte[] raw) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/channels/email/inbound"))
                                .header("Authorization", "Bearer " + Desk.ADMIN)
                                .header("Content-Type", "message/rfc822")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(raw))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return tools.jackson.databind.json.JsonMapper.builder().build().readTree(response.body());
    }

    private static MimeMessage awaitMail(String to, Predicate<MimeMessage> which) {
        return await().atMost(PATIENCE)
                .until(() -> mailsTo(to).stream().filter(which).findFirst(), found -> found.isPresent())
                .orElseThrow();
    }

    private static List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(OutboxMailSettings.server().getReceivedMessages())
                .filter(m -> {
                    try {
                        return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                                .anyMatch(a -> a.toString().contains(address));
                    } catch (MessagingException e) {
                        return false;
                    }
                })
                .toList();
    }

    private static String header(MimeMessage mail, String name) {
        try {
            return mail.getHeader(name, null);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
