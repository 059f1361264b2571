package it.sportello.knowledge;

import static it.sportello.support.Desk.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.knowledge.KnowledgeSearch.Audience;
import it.sportello.knowledge.KnowledgeSearch.Hit;
import it.sportello.shared.SafeHtml;
import it.sportello.shared.SupportedLocale;
import it.sportello.support.Api;
import it.sportello.support.ApiTestCase;
import it.sportello.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class KnowledgeSearchTests extends ApiTestCase {

    @Autowired
    FaqCatalog catalog;

    @Autowired
    KnowledgeSearch search;

    @Autowired
    Synonyms synonyms;

    @Autowired
    SearchMisses misses;

    private String faq(
            SupportedLocale locale, String question, String answer, FaqStatus status, Visibility visibility) {
        String id = Api.unique("search");
        catalog.save(
                new FaqDraft(
                        id,
                        null,
                        null,
                        Set.of(),
                        status,
                        visibility,
                        null,
                        false,
                        Map.of(locale, new FaqTranslation.Content(List.of(question), SafeHtml.fromPlainText(answer)))),
                "test");
        return id;
    }

    private String publicFaq(SupportedLocale locale, String question, String answer) {
        return faq(locale, question, answer, FaqStatus.PUBLISHED, Visibility.PUBLIC);
    }

    private List<String> keys(String text, SupportedLocale locale, Audience audience) {
        return search.search(new KnowledgeSearch.Query(text, locale, audience, 20, false)).stream()
                .map(Hit::key)
                .toList();
    }

    @Test
    void findsItalianAnswersByAnotherFormOfTheWord() {
        String id = publicFaq(SupportedLocale.IT, "Come ottengo il rimborso dell'ordine?", "Dalla pagina ordini.");

        assertThat(keys("rimborsi ordini", SupportedLocale.IT, Audience.PUBLIC)).contains(id);
    }

    @Test
    void ignoresAccentsAndToleratesATypo() {
        String id = publicFaq(SupportedLocale.IT, "Perché la fattura è sbagliata?", "Ci scriva con il numero.");

        assertThat(keys("perche fattura", SupportedLocale.IT, Audience.PUBLIC)).contains(id);
        assertThat(keys("fatutra", SupportedLocale.IT, Audience.PUBLIC)).contains(id);
    }

    @Test
    void stemsEnglishAndSearchesOnlyTheReadersLanguage() {
        String english = publicFaq(SupportedLocale.EN, "How are deliveries tracked?", "With the tracking link.");
        String italian = publicFaq(SupportedLocale.IT, "Deliveries tracked in italiano?", "Sì.");

        List<String> found = keys("delivery tracking", SupportedLocale.EN, Audience.PUBLIC);

        assertThat(found).contains(english).doesNotContain(italian);
    }

    @Test
    void ranksTheQuestionThatMatchesBestFirst() {
        String exact = publicFaq(
                SupportedLocale.IT, "Posso cambiare l'indirizzo di spedizione zefiro?", "Sì, fino alla partenza.");
        String loose =
                publicFaq(SupportedLocale.IT, "Orari del negozio zefiro", "Dalle 9 alle 18, indirizzo in fondo.");

        List<String> found = keys("cambiare indirizzo spedizione zefiro", SupportedLocale.IT, Audience.PUBLIC);

        assertThat(found).containsSubsequence(exact, loose);
    }

    @Test
    void widensTheSearchWithTheSynonymsTheAdminDefined() {
        String id = publicFaq(SupportedLocale.IT, "Come funziona il reso glicine?", "Entro 30 giorni.");
        assertThat(keys("restituzione glicini", SupportedLocale.IT, Audience.PUBLIC))
                .as("before the synonym: only the rarer word matches")
                .contains(id);
        String onlySynonym = publicFaq(SupportedLocale.IT, "Tempi del reso ortensia", "Una settimana.");
        assertThat(keys("restituzione ortensie", SupportedLocale.IT, Audience.PUBLIC)
                        .indexOf(onlySynonym))
                .isNotNegative();
        String synonymOnly = publicFaq(SupportedLocale.IT, "Modulo per il reciso", "In allegato.");
        assertThat(keys("troncatura", SupportedLocale.IT, Audience.PUBLIC)).doesNotContain(synonymOnly);

        Synonyms.Group group = synonyms.add(SupportedLocale.IT, "reciso, troncatura");
        try {
            assertThat(keys("troncature", SupportedLocale.IT, Audience.PUBLIC)).contains(synonymOnly);
        } finally {
            synonyms.remove(group.id());
        }
    }

    @Test
    void visitorsNeverFindDraftOrInternalEntriesButStaffFindInternalOnes() {
        String draft = faq(SupportedLocale.IT, "Bozza sul girasole", "Non ancora.", FaqStatus.DRAFT, Visibility.PUBLIC);
        String internal = faq(
                SupportedLocale.IT,
                "Procedura interna girasole",
                "Solo staff.",
                FaqStatus.PUBLISHED,
                Visibility.INTERNAL);
        String open = publicFaq(SupportedLocale.IT, "Domanda pubblica girasole", "Per tutti.");

        assertThat(keys("girasole", SupportedLocale.IT, Audience.PUBLIC))
                .contains(open)
                .doesNotContain(draft, internal);
        assertThat(keys("girasole", SupportedLocale.IT, Audience.STAFF))
                .contains(open, internal)
                .doesNotContain(draft);
        Api.Reply anonymous = api.get("/api/v1/knowledge/search?q=girasole&locale=it", null);
        assertThat(anonymous.body()).contains(open).doesNotContain(internal).doesNotContain(draft);
        Api.Reply staff = api.get("/api/v1/knowledge/search?q=girasole&locale=it", ADMIN);
        assertThat(staff.body()).contains(internal);
    }

    @Test
    void rememberesAVisitorsSearchThatFoundNothing() {
        String words = "ombrellone " + Api.unique("xq");

        Api.Reply reply = api.get("/api/v1/knowledge/search?q=" + words.replace(" ", "+") + "&locale=it", null);
        api.get("/api/v1/knowledge/search?q=" + words.replace(" ", "+") + "&locale=it", null);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("results")).isEmpty();
        assertThat(misses.mostFrequent(1000))
                .filteredOn(m -> m.query().equals(words))
                .singleElement()
                .satisfies(m -> assertThat(m.times()).isEqualTo(2));
    }

    @Test
    void theApiReturnsRankedEntriesWithIdQuestionSnippetAndScore() {
        String id = publicFaq(
                SupportedLocale.EN, "Can I pay by bank transfer lilac?", "Yes: the details are on the invoice.");

        Api.Reply reply = api.get("/api/v1/knowledge/search?q=bank+transfer+lilac&locale=en", null);

        assertThat(reply.status()).isEqualTo(200);
        JsonNode first = reply.json().get("results").get(0);
        assertThat(first.get("id").asString()).isEqualTo(id);
        assertThat(first.get("kind").asString()).isEqualTo("faq");
        assertThat(first.get("question").asString()).isEqualTo("Can I pay by bank transfer lilac?");
        assertThat(first.get("snippet").asString()).isEqualTo("Yes: the details are on the invoice.");
        assertThat(first.get("score").asDouble()).isPositive();
    }

    @Test
    void refusesBadSearchesClearly() {
        assertThat(api.get("/api/v1/knowledge/search?q=&locale=it", null).status())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/knowledge/search?q=ciao&locale=fr", null).status())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/knowledge/search?q=" + "a".repeat(201), null)
                        .status())
                .isEqualTo(400);
    }
}
