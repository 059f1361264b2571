package it.sportello.knowledge;

import static it.sportello.support.Api.object;
import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.shared.SupportedLocale;
import it.sportello.support.Api;
import it.sportello.support.ApiTestCase;
import it.sportello.support.Desk;
import it.sportello.support.IntegrationTest;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** "Was this helpful?" through the API: anyone answers, staff read the report. */
@IntegrationTest
class FeedbackApiTests extends ApiTestCase {

    private static final String FEEDBACK = "/api/v1/knowledge/feedback";

    @Autowired
    FaqCatalog catalog;

    @Autowired
    EntityManager entityManager;

    @Autowired
    TransactionTemplate transactions;

    private Faqs faqs;
    private ArticleFixtures articles;

    @BeforeEach
    void content() {
        faqs = new Faqs(catalog);
        articles = new ArticleFixtures(entityManager, transactions);
    }

    @Test
    void readersVoteOnPublicArticlesInTheirLanguageOnly() {
        String guide = articles.article(
                SupportedLocale.EN,
                "Assembling the bunk bed",
                "<p>Step one.</p>",
                FaqStatus.PUBLISHED,
                Visibility.PUBLIC);
        String draft =
                articles.article(SupportedLocale.EN, "Draft guide", "<p>Soon.</p>", FaqStatus.DRAFT, Visibility.PUBLIC);
        String internal = articles.article(
                SupportedLocale.EN, "Staff guide", "<p>Ours.</p>", FaqStatus.PUBLISHED, Visibility.INTERNAL);

        Api.Reply no = api.post(
                FEEDBACK, null, object("article", guide, "locale", "en", "helpful", false, "comment", "No pictures"));

        assertThat(no.status()).as(no.toString()).isEqualTo(201);
        assertThat(no.json().get("kind").asString()).isEqualTo("article");
        assertRefused(object("article", guide, "locale", "it", "helpful", true), "article");
        assertRefused(object("article", draft, "locale", "en", "helpful", true), "article");
        assertRefused(object("article", internal, "locale", "en", "helpful", true), "article");
        JsonNode entry = entry(api.get(FEEDBACK + "/report", desk.agent().token()), guide);
        assertThat(entry.get("kind").asString()).isEqualTo("article");
        assertThat(entry.get("title").asString()).isEqualTo("Assembling the bunk bed");
        assertThat(entry.get("no").asLong()).isEqualTo(1);
        assertThat(entry.get("comments").get(0).get("text").asString()).isEqualTo("No pictures");
    }

    @Test
    void anyoneAnswersAndStaffReadViewsVotesHelpfulShareAndCommentsNewestFirst() {
        String id = faqs.published(SupportedLocale.IT, "<p>Dal menu.</p>", "Come stampo la ricevuta del traghetto?");
        new it.sportello.support.Browser(port).get("/help/faq/" + id);

        Api.Reply yes = api.post(FEEDBACK, null, object("faqId", id, "locale", "it", "helpful", true));
        api.post(
                FEEDBACK,
                null,
                object("faqId", id, "locale", "it", "helpful", false, "comment", "Primo: manca il menu"));
        api.post(
                FEEDBACK,
                null,
                object("faqId", id, "locale", "it", "helpful", false, "comment", "  Secondo\u0000 commento "));

        assertThat(yes.status()).as(yes.toString()).isEqualTo(201);
        assertThat(yes.json().get("kind").asString()).isEqualTo("faq");
        assertThat(yes.json().get("key").asString()).isEqualTo(id);
        JsonNode entry = entry(api.get(FEEDBACK + "/report", desk.agent().token()), id);
        assertThat(entry.get("title").asString()).isEqualTo("Come stampo la ricevuta del traghetto?");
        assertThat(entry.get("views").asLong()).isEqualTo(1);
        assertThat(entry.get("yes").asLong()).isEqualTo(1);
        assertThat(entry.get("no").asLong()).isEqualTo(2);
        assertThat(entry.get("helpfulPercent").asInt()).isEqualTo(33);
        List<String> comments = new ArrayList<>();
        entry.get("comments").forEach(c -> comments.add(c.get("text").asString()));
        assertThat(comments).containsExactly("Secondo commento", "Primo: manca il menu");
    }

    @Test
    void theReportCountsOnlyTheVotesOfItsPeriod() {
        String id = faqs.published(SupportedLocale.EN, "<p>Online.</p>", "How do I print the ferry receipt?");
        api.post(FEEDBACK, null, object("faqId", id, "locale", "en", "helpful", false, "comment", "Too short"));
        String agent = desk.agent().token();

        Api.Reply past = api.get(FEEDBACK + "/report?from=2020-01-01&to=2020-01-31", agent);

        assertThat(past.status()).isEqualTo(200);
        assertThat(past.json().get("from").asString()).isEqualTo("2020-01-01");
        assertThat(past.json().get("to").asString()).isEqualTo("2020-01-31");
        List<String> keys = new ArrayList<>();
        past.json().get("entries").forEach(e -> keys.add(e.get("id").asString()));
        assertThat(keys).doesNotContain(id);
        JsonNode recent = entry(api.get(FEEDBACK + "/report", agent), id);
        assertThat(recent.get("no").asLong()).isEqualTo(1);
        assertThat(recent.get("helpfulPercent").asInt()).isZero();
        assertThat(past.json().has("searchMisses")).isTrue();
        assertThat(past.json().get("deflections").has("deflected")).isTrue();
    }

    @Test
    void refusesEachBadInputNamingTheFieldAndKeepsNothing() {
        String id = faqs.published(SupportedLocale.IT, "<p>Sì.</p>", "Si può prenotare la cabina doppia?");
        String draft = faqs.entry(
                "bozza", FaqStatus.DRAFT, Visibility.PUBLIC, null, SupportedLocale.IT, "<p>No.</p>", "Bozza cabina?");
        String internal = faqs.entry(
                "interna", FaqStatus.PUBLISHED, Visibility.INTERNAL, null, SupportedLocale.IT, "<p>No.</p>", "Cabina?");
        Map<String, Object> tooLong =
                object("faqId", id, "locale", "it", "helpful", false, "comment", "x".repeat(2001));

        assertRefused(object("faqId", "nessuna-voce-cosi", "locale", "it", "helpful", true), "faqId");
        assertRefused(object("faqId", draft, "locale", "it", "helpful", true), "faqId");
        assertRefused(object("faqId", internal, "locale", "it", "helpful", true), "faqId");
        assertRefused(object("faqId", id, "locale", "fr", "helpful", true), "locale");
        assertRefused(object("faqId", id, "locale", "itt", "helpful", true), "locale");
        assertRefused(object("faqId", id, "helpful", true), "locale");
        assertRefused(object("faqId", id, "locale", "en", "helpful", true), "locale");
        assertRefused(object("faqId", id, "locale", "it", "helpful", true, "comment", "Bello ma"), "comment");
        assertRefused(tooLong, "comment");
        assertRefused(object("faqId", id, "locale", "it"), "helpful");
        assertRefused(object("locale", "it", "helpful", true), "faqId");
        assertRefused(object("faqId", id, "article", "una-guida", "locale", "it", "helpful", true), "faqId");
        assertRefused(object("article", "nessuna-guida-cosi", "locale", "it", "helpful", true), "article");
        assertRefused(object("faqId", id, "locale", "it", "helpful", "forse"), "helpful");
        assertRefused(object("faqId", id, "locale", "it", "helpful", true, "stars", 5), "stars");

        Api.Reply notJson = api.sendJson("POST", FEEDBACK, null, "{\"faqId\": ");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.contentType()).startsWith("application/problem+json");
        assertThat(api.get(FEEDBACK + "/report", Desk.ADMIN)
                        .json()
                        .get("entries")
                        .toString())
                .as("nothing was kept")
                .doesNotContain(id);
        Api.Reply exactly = api.post(
                FEEDBACK, null, object("faqId", id, "locale", "it", "helpful", false, "comment", "x".repeat(2000)));
        assertThat(exactly.status()).as("2000 characters are allowed").isEqualTo(201);
    }

    @Test
    void onlyStaffReadTheReportAndABadPeriodIsRefused() {
        Desk.Person customer = desk.customer();

        assertThat(api.get(FEEDBACK + "/report", null).status()).isEqualTo(401);
        assertThat(api.get(FEEDBACK + "/report", customer.token()).status()).isEqualTo(403);
        assertThat(api.get(FEEDBACK + "/report", desk.agent().token()).status()).isEqualTo(200);
        assertProblem(api.get(FEEDBACK + "/report?from=2026-13-01", Desk.ADMIN), "from");
        assertProblem(api.get(FEEDBACK + "/report?from=2026-05-02&to=2026-05-01", Desk.ADMIN), "from");
        assertProblem(api.get(FEEDBACK + "/report?to=ieri", Desk.ADMIN), "to");
    }

    private void assertRefused(Map<String, Object> body, String field) {
        assertProblem(api.post(FEEDBACK, null, body), field);
    }

    private static void assertProblem(Api.Reply reply, String field) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        List<String> fields = new ArrayList<>();
        reply.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).as(reply.toString()).contains(field);
    }

    private static JsonNode entry(Api.Reply report, String id) {
        assertThat(report.status()).as(report.toString()).isEqualTo(200);
        for (JsonNode entry : report.json().get("entries")) {
            if (entry.get("id").asString().equals(id)) {
                return entry;
            }
        }
        throw new AssertionError("No entry " + id + " in " + report.body());
    }
}
