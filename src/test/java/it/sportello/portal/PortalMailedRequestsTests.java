package it.sportello.portal;

import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.support.Api;
import it.sportello.support.ApiTestCase;
import it.sportello.support.Desk;
import it.sportello.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A customer who signed up to the portal before ever writing, then writes by e-mail from the same
 * address (in other letter case): the mail lands on the customer record of the portal account,
 * and the portal shows the request and its conversation.
 */
@IntegrationTest
class PortalMailedRequestsTests extends ApiTestCase {

    private static final String PASSWORD = "una-password-lunga";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern REQUEST_PATH = Pattern.compile("/portal/requests/(\\d+)");

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aMailWrittenAfterSigningUpLandsOnTheAccountsCustomerAndShowsInThePortal() {
        String local = Api.unique("Giulia.Neri");
        String signedUpAs = local + "@Example.IT";
        String mailedFrom = local.toLowerCase(Locale.ROOT) + "@example.it";
        PortalVisitor visitor = new PortalVisitor(port);
        HttpResponse<String> signedUp = visitor.signUp("Giulia Neri", signedUpAs, PASSWORD, "it");
        assertThat(signedUp.statusCode()).as(signedUp.body()).isEqualTo(302);
        long customer = customerOfAccount(signedUpAs);
        String subject = Api.unique("Reso non rimborsato");
        String messageId = "<" + Api.unique("m") + "@posta.example.it>";

        HttpResponse<String> mailed = mail(mailedFrom, subject, messageId, "Ho reso il pacco tre settimane fa.");

        assertThat(mailed.statusCode()).as(mailed.body()).isEqualTo(202);
        long ticket = Long.parseLong(mailed.body().replaceAll(".*\"ticketId\":(\\d+).*", "$1"));
        assertThat(jdbc.queryForObject("select requester_id from ticket where id = ?", Long.class, ticket))
                .as("the mailed request's customer is the portal account's")
                .isEqualTo(customer);
        assertThat(jdbc.queryForObject(
                        "select count(*) from customer_identity where kind = 'EMAIL' and address = ?",
                        Integer.class,
                        mailedFrom))
                .as("one customer for the address")
                .isEqualTo(1);
        HttpResponse<String> list = visitor.get("/portal");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains(subject);
        Matcher link = REQUEST_PATH.matcher(list.body());
        List<Long> linked = link.results()
                .map(found -> Long.parseLong(found.group(1)))
                .distinct()
                .toList();
        assertThat(linked).containsExactly(ticket);

        HttpResponse<String> request = visitor.get("/portal/requests/" + ticket);
        assertThat(request.statusCode()).isEqualTo(200);
        assertThat(request.body()).contains("Ho reso il pacco tre settimane fa.");

        // Writing again from the address as the account spells it: the same customer again.
        String another = Api.unique("Fattura doppia");
        HttpResponse<String> again =
                mail(signedUpAs, another, "<" + Api.unique("r") + "@posta.example.it>", "Addebito doppio.");
        assertThat(again.statusCode()).as(again.body()).isEqualTo(202);
        long second = Long.parseLong(again.body().replaceAll(".*\"ticketId\":(\\d+).*", "$1"));
        assertThat(jdbc.queryForObject("select requester_id from ticket where id = ?", Long.class, second))
                .isEqualTo(customer);
        assertThat(visitor.get("/portal").body()).contains(subject).contains(another);
    }

    private long customerOfAccount(String email) {
        return jdbc.queryForObject(
                "select c.id from customer c join app_user u on u.id = c.user_id where lower(u.email) = lower(?)",
                Long.class,
                email);
    }

    private HttpResponse<String> mail(String from, String subject, String messageId, String text) {
        String raw = "From: Giulia Neri <" + from + ">\r\n"
                + "To: assistenza@negozio.test\r\n"
                + "Subject: " + subject + "\r\n"
                + "Message-ID: " + messageId + "\r\n"
                + "Date: Mon, 23 Nov 2026 10:00:00 +0100\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n"
                + "\r\n"
                + text + "\r\n";
        try {
            return HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/channels/email/inbound"))
                            .header("Authorization", "Bearer " + Desk.ADMIN)
                            .header("Content-Type", "message/rfc822")
                            .POST(HttpRequest.BodyPublishers.ofString(raw, StandardCharsets.UTF_8))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
