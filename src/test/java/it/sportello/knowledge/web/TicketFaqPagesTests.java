package it.sportello.knowledge.web;

import static it.sportello.support.Api.object;
import static it.sportello.support.Desk.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.knowledge.FaqCatalog;
import it.sportello.knowledge.FaqDraft;
import it.sportello.knowledge.FaqStatus;
import it.sportello.knowledge.FaqTranslation;
import it.sportello.knowledge.Visibility;
import it.sportello.shared.SafeHtml;
import it.sportello.shared.SupportedLocale;
import it.sportello.support.Api;
import it.sportello.support.ApiTestCase;
import it.sportello.support.Browser;
import it.sportello.support.Desk;
import it.sportello.support.IntegrationTest;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The FAQ tools of the ticket page: "Turn into FAQ" and "Insert FAQ answer". */
@IntegrationTest
class TicketFaqPagesTests extends ApiTestCase {

    @Autowired
    FaqCatalog catalog;

    @Test
    void theTicketPageOffersToTurnItIntoAnFaqAndToInsertAnAnswer() {
        long ticket = desk.ticket(Api.unique("Stampante")).get("id").asLong();
        Browser agent = signedIn(desk.agent());

        String page = agent.get("/tickets/" + ticket).body();

        assertThat(page)
                .contains("href=\"/knowledge/faqs/new?fromTicket=" + ticket + "\"")
                .contains("Trasforma in FAQ")
                .contains("Inserisci risposta FAQ")
                .contains("hx-get=\"/knowledge/faqs/pick\"")
                .contains("/js/knowledge-picker.js");
    }

    @Test
    void turningATicketIntoAnFaqPrefillsTheCustomersQuestionAndTheLatestReplyInTheirLanguage() {
        String subject = Api.unique("Where is my parcel");
        Api.Reply opened = api.post(
                "/api/v1/tickets",
                ADMIN,
                object(
                        "subject",
                        subject,
                        "customer",
                        object("email", Api.unique("jane") + "@example.com", "name", "Jane", "locale", "en"),
                        "message",
                        object("body", "Hello, my parcel has not arrived yet."),
                        "channel",
                        "email",
                        "priority",
                        "normal",
                        "tags",
                        List.of()));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        long ticket = opened.json().get("id").asLong();
        reply(ticket, object("body", "First answer."));
        reply(ticket, object("body", "It ships within 48 hours; track it from your account.", "status", "pending"));
        reply(ticket, object("body", "Customer called twice.", "type", "note"));
        Browser agent = signedIn(desk.agent());

        HttpResponse<String> form = agent.get("/knowledge/faqs/new?fromTicket=" + ticket);

        assertThat(form.statusCode()).isEqualTo(200);
        String html = form.body();
        assertThat(html)
                .contains("Proposta dal ticket")
                .contains("href=\"/tickets/" + ticket + "\"")
                .contains("name=\"enQuestions\" value=\"" + subject + "\"")
                .contains("name=\"enQuestions\" value=\"Hello, my parcel has not arrived yet.\"")
                .contains("It ships within 48 hours; track it from your account.")
                .doesNotContain("First answer.")
                .doesNotContain("Customer called twice.")
                .doesNotContain("name=\"itQuestions\" value=\"" + subject);
        String faqId = subject.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        assertThat(html).contains("value=\"" + faqId + "\"");

        HttpResponse<String> saved = KnowledgeEditorPagesTests.post(
                agent,
                "/knowledge/faqs?fromTicket=" + ticket,
                KnowledgeEditorPagesTests.fields(
                        agent,
                        "/knowledge/faqs/new?fromTicket=" + ticket,
                        "faqId",
                        faqId,
                        "status",
                        "DRAFT",
                        "visibility",
                        "PUBLIC",
                        "enQuestions",
                        subject,
                        "enAnswer",
                        "<p>It ships within 48 hours.</p>"));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        assertThat(catalog.find(faqId)
                        .orElseThrow()
                        .translation(SupportedLocale.EN)
                        .orElseThrow()
                        .question())
                .isEqualTo(subject);
    }

    @Test
    void aTicketTheAgentCannotSeeCannotBeTurnedIntoAnFaq() {
        Browser agent = signedIn(desk.agent());

        assertThat(agent.get("/knowledge/faqs/new?fromTicket=987654321012").statusCode())
                .isEqualTo(404);
    }

    @Test
    void thePickerFindsPublishedAnswersInternalOnesIncludedWithTheirWholeText() {
        String word = "zelofrigo" + Api.unique("").replaceAll("[^a-z]", "").toLowerCase();
        save(
                Api.unique("pick"),
                FaqStatus.PUBLISHED,
                Visibility.INTERNAL,
                "Come si sbrina il " + word + "?",
                "<p>Spegnilo per un'ora.</p><p>Poi asciugalo.</p>");
        save(Api.unique("pick"), FaqStatus.DRAFT, Visibility.PUBLIC, "Bozza sul " + word + "?", "<p>Non ancora.</p>");
        Browser agent = signedIn(desk.agent());

        HttpResponse<String> picks = agent.get(
                "/knowledge/faqs/pick?language=it&q=" + URLEncoder.encode(word, StandardCharsets.UTF_8),
                Map.of("HX-Request", "true"));

        assertThat(picks.statusCode()).isEqualTo(200);
        assertThat(picks.body())
                .doesNotContain("<html")
                .contains("id=\"faq-picks\"")
                .contains("Come si sbrina il " + word + "?")
                .contains("data-answer=\"Spegnilo per un&#39;ora.\n\nPoi asciugalo.\"")
                .doesNotContain("Bozza sul");
        assertThat(agent.get("/knowledge/faqs/pick?language=en&q=" + word).body())
                .contains("Nessuna FAQ trovata");
        assertThat(agent.get("/knowledge/faqs/pick?q=").body()).contains("Scrivi qualche parola");
    }

    private void save(String faqId, FaqStatus status, Visibility visibility, String question, String answer) {
        catalog.save(
                new FaqDraft(
                        faqId,
                        null,
                        null,
                        Set.of(),
                        status,
                        visibility,
                        null,
                        false,
                        Map.of(
                                SupportedLocale.IT,
                                new FaqTranslation.Content(List.of(question), SafeHtml.fromUntrustedHtml(answer)))),
                "test");
    }

    private void reply(long ticket, Map<String, Object> message) {
        Api.Reply reply = api.post("/api/v1/tickets/" + ticket + "/messages", ADMIN, message);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    }

    private Browser signedIn(Desk.Person person) {
        Browser browser = new Browser(port);
        assertThat(browser.signIn(person.email(), person.password()).statusCode())
                .isEqualTo(302);
        return browser;
    }
}
