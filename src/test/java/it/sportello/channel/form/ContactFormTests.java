package it.sportello.channel.form;

import static it.sportello.support.Browser.form;
import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.support.Api;
import it.sportello.support.ApiTestCase;
import it.sportello.support.Browser;
import it.sportello.support.Desk;
import it.sportello.support.IntegrationTest;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class ContactFormTests extends ApiTestCase {

    private static final Pattern REFERENCE = Pattern.compile("id=\"reference\">#(\\d+)<");

    private Browser visitor;

    @BeforeEach
    void openTheForm() {
        visitor = new Browser(port);
    }

    @Test
    void turnsASubmissionIntoAWebTicketAndShowsItsReference() {
        String subject = Api.unique("Mobile arrivato graffiato");

        HttpResponse<String> sent = submit(
                "name", "Chiara Esposito",
                "email", "chiara.esposito@example.it",
                "subject", subject,
                "message", "Buongiorno, l'anta sinistra è graffiata.",
                "website", "");

        assertThat(sent.statusCode()).isEqualTo(302);
        assertThat(visitor.redirectTarget(sent)).isEqualTo("/contact/sent");
        HttpResponse<String> confirmation = visitor.get("/contact/sent");
        assertThat(confirmation.body()).contains("Numero di riferimento").contains("chiara.esposito@example.it");
        assertThat(confirmation.body())
                .as("the web channel's acknowledgement, with the response time the desk promises")
                .contains("Ciao Chiara Esposito,")
                .contains("abbiamo ricevuto la tua richiesta «" + subject + "»")
                .containsPattern("Ti risponderemo entro \\d+ (ore|minuti|giorni)");
        Matcher reference = REFERENCE.matcher(confirmation.body());
        assertThat(reference.find()).as(confirmation.body()).isTrue();

        JsonNode ticket =
                api.get("/api/v1/tickets/" + reference.group(1), Desk.ADMIN).json();
        assertThat(ticket.get("subject").asString()).isEqualTo(subject);
        assertThat(ticket.get("channel").asString()).isEqualTo("web");
        assertThat(ticket.get("status").asString()).isEqualTo("new");
        assertThat(ticket.get("assignee").isNull()).isTrue();
        assertThat(ticket.get("requester").get("email").asString()).isEqualTo("chiara.esposito@example.it");
        assertThat(ticket.get("requester").get("name").asString()).isEqualTo("Chiara Esposito");
        JsonNode unassigned = api.get("/api/v1/tickets?assignee=none&q=" + encode(subject), Desk.ADMIN)
                .json();
        assertThat(unassigned.get("total").asInt()).isEqualTo(1);
    }

    @Test
    void showsTheReferenceOnlyOnceRightAfterTheSubmission() {
        submit("email", "una.volta@example.it", "subject", Api.unique("Solo una volta"), "message", "Testo");
        assertThat(visitor.get("/contact/sent").body()).contains("Numero di riferimento");

        assertThat(visitor.get("/contact/sent").body())
                .doesNotContain("Numero di riferimento")
                .contains("abbiamo ricevuto il tuo messaggio");
    }

    @Test
    void keepsTheInputAndNamesEachProblemNextToItsField() {
        String subject = Api.unique("Richiesta incompleta");

        HttpResponse<String> refused =
                submit("name", "Mario Verdi", "email", "non-una-mail", "subject", subject, "message", " ");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body())
                .contains("Questo indirizzo e-mail non sembra valido.")
                .contains("Scrivi il messaggio.")
                .contains("id=\"email-error\"")
                .contains("aria-invalid=\"true\"")
                .contains("value=\"Mario Verdi\"")
                .contains("value=\"non-una-mail\"")
                .contains("value=\"" + subject + "\"")
                .doesNotContain("id=\"subject-error\"");
        assertThat(api.get("/api/v1/tickets?q=" + encode(subject), Desk.ADMIN)
                        .json()
                        .get("total")
                        .asInt())
                .as("nothing half-written")
                .isZero();
    }

    @Test
    void answersABotThatFillsTheHoneypotAsIfItWorkedButOpensNothing() {
        String subject = Api.unique("Offerta imperdibile");

        HttpResponse<String> sent = submit(
                "email", "bot@spam.example",
                "subject", subject,
                "message", "Compra ora",
                "website", "http://spam.example");

        assertThat(visitor.redirectTarget(sent)).isEqualTo("/contact/sent");
        assertThat(visitor.get("/contact/sent").body()).doesNotContain("Numero di riferimento");
        assertThat(api.get("/api/v1/tickets?q=" + encode(subject), Desk.ADMIN)
                        .json()
                        .get("total")
                        .asInt())
                .isZero();
    }

    @Test
    void storesMarkupAsTextNeverAsActiveContent() {
        String subject = Api.unique("Prova markup");

        submit(
                "email",
                "curioso@example.it",
                "subject",
                subject,
                "message",
                "<script>alert(1)</script>Ciao <b>tutti</b>");

        JsonNode found =
                api.get("/api/v1/tickets?q=" + encode(subject), Desk.ADMIN).json();
        assertThat(found.get("total").asInt()).isEqualTo(1);
        JsonNode message = api.get(
                        "/api/v1/tickets/" + found.get("items").get(0).get("id").asLong(), Desk.ADMIN)
                .json()
                .get("messages")
                .get(0);
        assertThat(message.get("body").asString()).contains("Ciao <b>tutti</b>");
        assertThat(message.get("html").asString()).doesNotContain("<script").doesNotContain("<b>");
    }

    @Test
    void refusesASubmissionWithoutTheFormsCsrfToken() {
        HttpResponse<String> refused =
                visitor.post("/contact", form("email", "x@example.it", "subject", "Senza token", "message", "Testo"));

        assertThat(refused.statusCode()).isEqualTo(403);
    }

    @Test
    void speaksEnglishWhenAsked() {
        HttpResponse<String> page = visitor.get("/contact?lang=en");

        assertThat(page.body())
                .contains("<html lang=\"en\">")
                .contains("Contact us")
                .contains("Send request");
    }

    private HttpResponse<String> submit(String... fields) {
        String token = Browser.csrfToken(visitor.get("/contact").body());
        Map<String, String> values = form(fields);
        values.put("_csrf", token);
        return visitor.post("/contact", values);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
