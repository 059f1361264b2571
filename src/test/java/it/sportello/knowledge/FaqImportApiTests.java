package it.sportello.knowledge;

import static it.sportello.support.Desk.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.support.Api;
import it.sportello.support.ApiTestCase;
import it.sportello.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class FaqImportApiTests extends ApiTestCase {

    private static final String IMPORT = "/api/v1/knowledge/faqs/import";
    private static final String HEADER = "faq_id,locale,question,answer\n";

    @Autowired
    FaqCatalog catalog;

    private Api.Reply importCsv(String csv, String mode) {
        return api.sendRaw("POST", IMPORT + (mode == null ? "" : "?mode=" + mode), ADMIN, "text/csv", csv, Map.of());
    }

    @Test
    void importsEntriesWithTheirQuestionVariantsAndAnswers() {
        String id = Api.unique("refund");
        Api.Reply reply = importCsv(
                HEADER
                        + id + ",it,Come chiedo un rimborso?,\"Scriva a noi, entro 14 giorni.\"\n"
                        + id + ",it,Voglio i soldi indietro,\n"
                        + id + ",en,How do I get a refund?,Write to us within 14 days.\n",
                null);

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().get("created").asInt()).isEqualTo(1);
        FaqEntry entry = catalog.find(id).orElseThrow();
        assertThat(entry.translation(it.sportello.shared.SupportedLocale.IT)
                        .orElseThrow()
                        .questions())
                .containsExactly("Come chiedo un rimborso?", "Voglio i soldi indietro");
        assertThat(entry.translation(it.sportello.shared.SupportedLocale.IT)
                        .orElseThrow()
                        .answerText())
                .isEqualTo("Scriva a noi, entro 14 giorni.");
        assertThat(entry.translation(it.sportello.shared.SupportedLocale.EN)
                        .orElseThrow()
                        .question())
                .isEqualTo("How do I get a refund?");
        assertThat(catalog.history(id)).hasSize(1);
    }

    @Test
    void acceptsIdsEndingInAQuestionMarkAsTheSharedDataSetsHaveAndLinksToThemEscaped() {
        String id = Api.unique("reverted_card_payment") + "?";

        Api.Reply reply = importCsv(HEADER + id + ",en,Why was my card payment reverted?,It was refunded.\n", null);

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        var page = new it.sportello.support.Browser(port).get("/help/faq/" + id.replace("?", "%3F") + "?lang=en");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Why was my card payment reverted?");
        var search = new it.sportello.support.Browser(port).get("/help/search?q=card+payment+reverted&lang=en");
        assertThat(search.body()).contains("/help/faq/" + id.replace("?", "%3F"));
    }

    @Test
    void importingTheSameFileTwiceChangesNothingTheSecondTime() {
        String id = Api.unique("same");
        String csv = HEADER + id + ",it,Dove è il mio ordine?,Lo trova nell'area clienti.\n";
        importCsv(csv, null);
        long revision = catalog.revision();

        Api.Reply again = importCsv(csv, "upsert");

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("created").asInt()).isZero();
        assertThat(again.json().get("unchanged").asInt()).isEqualTo(1);
        assertThat(catalog.revision()).isEqualTo(revision);
        assertThat(catalog.history(id)).hasSize(1);
    }

    @Test
    void upsertReplacesOnlyTheLanguagesInTheFile() {
        String id = Api.unique("upsert");
        importCsv(HEADER + id + ",it,Domanda vecchia,Risposta vecchia\n" + id + ",en,Old question,Old answer\n", null);

        importCsv(HEADER + id + ",it,Domanda nuova,Risposta nuova\n", "upsert");

        FaqEntry entry = catalog.find(id).orElseThrow();
        assertThat(entry.translation(it.sportello.shared.SupportedLocale.IT)
                        .orElseThrow()
                        .questions())
                .containsExactly("Domanda nuova");
        assertThat(entry.translation(it.sportello.shared.SupportedLocale.EN)
                        .orElseThrow()
                        .questions())
                .containsExactly("Old question");
        assertThat(catalog.history(id)).hasSize(2);
    }

    @Test
    void replaceModeMakesTheFileTheWholeDatabase() {
        String kept = Api.unique("kept");
        String dropped = Api.unique("dropped");
        importCsv(HEADER + kept + ",it,Resta,Sì\n" + dropped + ",it,Sparisce,No\n", null);

        Api.Reply reply = importCsv(HEADER + kept + ",it,Resta,Sì\n", "replace");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().get("removed").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(catalog.find(kept)).isPresent();
        assertThat(catalog.find(dropped)).isEmpty();
        assertThat(catalog.all()).extracting(FaqEntry::faqId).containsExactly(kept);
    }

    @Test
    void aBadLineAnywhereChangesNothingAndNamesTheLine() {
        String first = Api.unique("first");
        Api.Reply reply = importCsv(
                HEADER + first + ",it,Prima domanda,Prima risposta\n" + first + "-b,it,,Risposta senza domanda\n",
                null);

        assertProblem(reply, 3, "empty question");
        assertThat(catalog.find(first)).isEmpty();
    }

    @Test
    void namesEachKindOfBadFile() {
        assertProblem(importCsv("faq_id,locale,question\nx,it,Domanda\n", null), 1, "missing column 'answer'");
        assertProblem(importCsv(HEADER + "x,it,Domanda\n", null), 2, "missing column");
        assertProblem(importCsv(HEADER + "x,fr,Question,Réponse\n", null), 2, "unknown locale 'fr'");
        assertProblem(importCsv(HEADER + "x,it,Domanda,Risposta\ny,it,Altra domanda,\n", null), 3, "no answer");
        assertProblem(importCsv(HEADER + "bad id!,it,Domanda,Risposta\n", null), 2, "faq_id");
        assertProblem(importCsv("", null), 1, "empty");
        assertProblem(importCsv(HEADER + "x,it,\"Domanda mai chiusa,Risposta\n", null), 2, "never closed");

        byte[] latin1 = (HEADER + "x,it,Perché?,Così\n").getBytes(StandardCharsets.ISO_8859_1);
        assertProblem(api.sendBytes("POST", IMPORT, ADMIN, "text/csv", latin1), 2, "UTF-8");
    }

    @Test
    void refusesAnUnknownModeAndOtherRoles() {
        assertThat(importCsv(HEADER + "x,it,D,R\n", "merge").status()).isEqualTo(400);
        var agent = desk.agent();
        assertThat(api.sendRaw("POST", IMPORT, agent.token(), "text/csv", HEADER + "x,it,D,R\n", Map.of())
                        .status())
                .isEqualTo(403);
        assertThat(api.sendRaw("POST", IMPORT, null, "text/csv", HEADER + "x,it,D,R\n", Map.of())
                        .status())
                .isEqualTo(401);
    }

    @Test
    void exportsWhatWasImportedAsCsvAndJson() {
        String id = Api.unique("export");
        importCsv(
                HEADER + id + ",it,\"Spedite all'estero, anche in Svizzera?\",Sì.\n" + id
                        + ",it,Spedite in Svizzera?,\n",
                null);

        Api.Reply csv =
                api.sendRaw("GET", "/api/v1/knowledge/faqs/export", ADMIN, null, "", Map.of("Accept", "text/csv"));
        Api.Reply json = api.sendRaw(
                "GET", "/api/v1/knowledge/faqs/export", ADMIN, null, "", Map.of("Accept", "application/json"));

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body())
                .startsWith("faq_id,locale,question,answer\n")
                .contains(id + ",it,\"Spedite all'estero, anche in Svizzera?\",<p>Sì.</p>\n")
                .contains(id + ",it,Spedite in Svizzera?,\n");
        JsonNode entry = null;
        for (JsonNode node : json.json()) {
            if (node.get("faqId").asString().equals(id)) {
                entry = node;
            }
        }
        assertThat(entry).isNotNull();
        assertThat(entry.get("answers").get(0).get("questions")).hasSize(2);
    }

    private static void assertProblem(Api.Reply reply, int line, String problem) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("line").asInt()).as(reply.body()).isEqualTo(line);
        assertThat(reply.json().get("problem").asString()).contains(problem);
    }
}
