package it.sportello.bot;

import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.support.Api;
import it.sportello.support.Launch;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The bot through its API, in an application of its own (its own database and data directory,
 * the bot switched on): it learns an imported FAQ in the background, answers, refuses bad
 * questions clearly, and after a restart answers at once from the model it stored.
 */
class BotApiTests {

    private static final String TOKEN = it.sportello.support.TestSettings.ADMIN_TOKEN;

    @TempDir
    Path dataDir;

    Launch.Running app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    private Launch.Running start() {
        // No database URL: the file H2 under the data directory, so a second start finds the first one's data.
        return Launch.start(
                null,
                dataDir,
                "sportello.bot.enabled=true",
                "sportello.api-token=" + TOKEN,
                "sportello.admin.email=admin@bot.example",
                "sportello.admin.password=admin-password-for-bot-tests");
    }

    static final Map<String, String> ANSWERS = Map.of(
            "tracking", "Lo trova nella pagina Ordini, con il link del corriere.",
            "refund", "Il rimborso arriva entro 14 giorni dal reso.",
            "password", "Usi il link Password dimenticata nella pagina di accesso.");

    private static String faqCsv() {
        StringBuilder csv = new StringBuilder("faq_id,locale,question,answer\n");
        for (var variant : BotEngineTests.SHOP) {
            csv.append(variant.faqId())
                    .append(',')
                    .append(variant.locale())
                    .append(",\"")
                    .append(variant.text().replace("\"", "\"\""))
                    .append("\",\"")
                    .append(ANSWERS.get(variant.faqId()))
                    .append("\"\n");
        }
        return csv.toString();
    }

    private static JsonNode awaitReady(Api api, long revision) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            JsonNode status = api.get("/api/v1/bot/status", TOKEN).json();
            if (status.get("state").asString().equals("ready")
                    && status.get("faqVersion").asLong() >= revision) {
                return status;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("The bot did not become ready for revision " + revision);
    }

    private static Api.Reply ask(Api api, Object body) {
        return api.post("/api/v1/bot/answer", TOKEN, body);
    }

    @Test
    void learnsAnImportedFaqAnswersAndAfterARestartAnswersAtOnceFromItsStoredModel() throws Exception {
        app = start();
        Api api = app.api();
        Api.Reply imported =
                api.sendRaw("POST", "/api/v1/knowledge/faqs/import", TOKEN, "text/csv", faqCsv(), Map.of());
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        long revision = imported.json().get("revision").asLong();

        JsonNode status = awaitReady(api, revision);
        Api.Reply answer = ask(api, Api.object("text", "dov'è finito il mio ordine?", "locale", "it"));
        Api.Reply unrelated = ask(api, Api.object("text", "What is the capital of Australia?", "locale", "en"));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().get("faqId").asString()).isEqualTo("tracking");
        assertThat(answer.json().get("answer").asString())
                .isEqualTo("Lo trova nella pagina Ordini, con il link del corriere.");
        assertThat(answer.json().get("handoff").asBoolean()).isFalse();
        assertThat(answer.json().get("confidence").asDouble()).isBetween(0.0, 1.0);
        assertThat(answer.json().get("alternatives").isArray()).isTrue();
        assertThat(unrelated.json().get("handoff").asBoolean()).isTrue();

        app.close();
        app = start();
        JsonNode afterRestart = app.api().get("/api/v1/bot/status", TOKEN).json();

        assertThat(afterRestart.get("state").asString()).isEqualTo("ready");
        assertThat(afterRestart.get("faqVersion").asLong()).isEqualTo(revision);
        assertThat(afterRestart.get("trainedAt").asString())
                .isEqualTo(status.get("trainedAt").asString());
        assertThat(ask(app.api(), Api.object("text", "where is my parcel?", "locale", "en"))
                        .json()
                        .get("faqId")
                        .asString())
                .isEqualTo("tracking");
    }

    @Test
    void aHandedOffQuestionAnsweredWithAnFaqAnswerBecomesAVariantOnceASupervisorAccepts() throws Exception {
        app = start();
        Api api = app.api();
        long revision = api.sendRaw("POST", "/api/v1/knowledge/faqs/import", TOKEN, "text/csv", faqCsv(), Map.of())
                .json()
                .get("revision")
                .asLong();
        awaitReady(api, revision);
        long ticket = new it.sportello.support.Desk(api)
                .ticket("Domanda strana")
                .get("id")
                .asLong();
        String question = "Il mio scatolone color mostarda si è perso per strada?";

        Api.Reply handedOff = ask(api, Api.object("text", question, "locale", "it", "ticketId", ticket));
        assertThat(handedOff.json().get("handoff").asBoolean())
                .as(handedOff.body())
                .isTrue();
        api.post(
                "/api/v1/tickets/" + ticket + "/messages",
                TOKEN,
                Map.of("body", "Buongiorno! " + ANSWERS.get("tracking")));

        JsonNode proposal = awaitProposal(api, question);
        assertThat(proposal.get("faqId").asString()).isEqualTo("tracking");
        assertThat(proposal.get("ticketId").asLong()).isEqualTo(ticket);
        var agent = new it.sportello.support.Desk(api).agent();
        assertThat(api.post("/api/v1/bot/proposals/" + proposal.get("id").asLong() + "/accept", agent.token(), Map.of())
                        .status())
                .isEqualTo(403);
        assertThat(api.post("/api/v1/bot/proposals/" + proposal.get("id").asLong() + "/accept", TOKEN, Map.of())
                        .status())
                .isEqualTo(204);

        JsonNode faq = null;
        for (JsonNode entry : api.sendRaw("GET", "/api/v1/knowledge/faqs/export", TOKEN, null, "", Map.of())
                .json()) {
            if (entry.get("faqId").asString().equals("tracking")) {
                faq = entry;
            }
        }
        assertThat(faq.toString()).contains(question);
        awaitReady(api, revision + 1);
        assertThat(ask(api, Api.object("text", question, "locale", "it"))
                        .json()
                        .get("faqId")
                        .asString())
                .isEqualTo("tracking");
        assertThat(api.get("/api/v1/bot/proposals", TOKEN).json()).isEmpty();
    }

    private static JsonNode awaitProposal(Api api, String question) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            for (JsonNode proposal : api.get("/api/v1/bot/proposals", TOKEN).json()) {
                if (proposal.get("question").asString().equals(question)) {
                    return proposal;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("No proposal for: " + question);
    }

    @Test
    void refusesBadQuestionsClearlyAndStrangers() {
        app = start();
        Api api = app.api();

        assertProblem(ask(api, Api.object("text", "", "locale", "it")), "text");
        assertProblem(ask(api, Api.object("text", "x".repeat(10_000), "locale", "it")), "text");
        assertProblem(ask(api, Api.object("text", "Dov'è il mio ordine?", "locale", "fr")), "locale");
        assertProblem(ask(api, Api.object("text", "Dov'è il mio ordine?")), "locale");
        assertThat(api.post("/api/v1/bot/answer", null, Api.object("text", "ciao", "locale", "it"))
                        .status())
                .isEqualTo(401);
    }

    @Test
    void supervisorsKeepTheOutOfScopeExamplesTheCalibrationLearnsFrom() {
        app = start();
        Api api = app.api();
        var agent = new it.sportello.support.Desk(api).agent();
        Map<String, Object> example = Api.object("text", "Quanto costa un'automobile nuova?", "locale", "it");

        assertThat(api.post("/api/v1/bot/out-of-scope", agent.token(), example).status())
                .isEqualTo(403);
        assertProblem(api.post("/api/v1/bot/out-of-scope", TOKEN, Api.object("text", " ", "locale", "it")), "text");
        assertProblem(api.post("/api/v1/bot/out-of-scope", TOKEN, Api.object("text", "x", "locale", "de")), "locale");
        Api.Reply added = api.post("/api/v1/bot/out-of-scope", TOKEN, example);

        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(api.get("/api/v1/bot/out-of-scope", agent.token()).body())
                .contains("Quanto costa un'automobile nuova?");
        long id = added.json().get("id").asLong();
        assertThat(api.delete("/api/v1/bot/out-of-scope/" + id, TOKEN).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/bot/out-of-scope", TOKEN).body()).doesNotContain("automobile");
    }

    private static void assertProblem(Api.Reply reply, String field) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.body()).contains("\"field\":\"" + field + "\"");
    }
}
