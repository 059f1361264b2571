package it.sportello.knowledge;

import static it.sportello.support.Browser.form;
import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.shared.SupportedLocale;
import it.sportello.support.Api;
import it.sportello.support.ApiTestCase;
import it.sportello.support.Browser;
import it.sportello.support.IntegrationTest;
import jakarta.persistence.EntityManager;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The public help center's pages, as a visitor without an account reads them. */
@IntegrationTest
class HelpCenterPagesTests extends ApiTestCase {

    private static final Map<String, String> HTMX = Map.of("HX-Request", "true");

    @Autowired
    FaqCatalog catalog;

    @Autowired
    SearchMisses misses;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EntityManager entityManager;

    @Autowired
    TransactionTemplate transactions;

    private Faqs faqs;
    private Browser visitor;

    @BeforeEach
    void visit() {
        faqs = new Faqs(catalog);
        visitor = new Browser(port);
    }

    @Test
    void aVisitorNeverSeesDraftOrInternalAnswersOnAnyPage() {
        Category category = faqs.category("Giardinaggio", "Gardening");
        String shown = faqs.entry(
                "pergola",
                FaqStatus.PUBLISHED,
                Visibility.PUBLIC,
                category,
                SupportedLocale.IT,
                "<p>Montala in primavera.</p>",
                "Quando montare la pergola pubblica?");
        String draft = faqs.entry(
                "pergola",
                FaqStatus.DRAFT,
                Visibility.PUBLIC,
                category,
                SupportedLocale.IT,
                "<p>Bozza segreta.</p>",
                "Pergola in bozza non ancora pronta?");
        String internal = faqs.entry(
                "pergola",
                FaqStatus.PUBLISHED,
                Visibility.INTERNAL,
                category,
                SupportedLocale.IT,
                "<p>Solo per lo staff.</p>",
                "Pergola riservata agli operatori?");
        List<String> hidden = List.of("Pergola in bozza", "Pergola riservata", "Bozza segreta", "Solo per lo staff");

        String categoryPage = visitor.get("/help/categories/" + category.slug()).body();
        assertThat(categoryPage).contains("Giardinaggio").contains("Quando montare la pergola pubblica?");
        assertThat(visitor.get("/help/faq/" + draft).statusCode()).isEqualTo(404);
        assertThat(visitor.get("/help/faq/" + internal).statusCode()).isEqualTo(404);
        assertThat(visitor.get("/help/faq/" + shown).statusCode()).isEqualTo(200);
        String results = visitor.get("/help/search?q=pergola").body();
        assertThat(results).contains("Quando montare la pergola pubblica?");
        String live = visitor.get("/help/search?q=pergola", HTMX).body();
        assertThat(live).contains("Quando montare la pergola pubblica?").doesNotContain("<html");
        String suggested = visitor.get("/help/suggest?q=pergola&source=contact").body();
        assertThat(suggested).contains("Quando montare la pergola pubblica?");
        String home = visitor.get("/help").body();
        for (String page : List.of(categoryPage, results, live, suggested, home)) {
            assertThat(page).doesNotContain(draft).doesNotContain(internal);
            hidden.forEach(text -> assertThat(page).doesNotContain(text));
        }
        assertThat(visitor.post(
                                "/help/feedback",
                                form("faqId", internal, "helpful", "yes", "_csrf", csrf("/help/faq/" + shown)))
                        .statusCode())
                .as("no vote on an internal entry either")
                .isEqualTo(404);
    }

    @Test
    void showsTheAnswerSanitisedWithTheOtherWaysOfAskingUnderACleanUrlWithSlashes() {
        String id = Api.unique("meteo") + "/trova";
        catalog.save(
                new FaqDraft(
                        id,
                        null,
                        null,
                        null,
                        FaqStatus.PUBLISHED,
                        Visibility.PUBLIC,
                        null,
                        false,
                        Map.of(
                                SupportedLocale.IT,
                                Faqs.content(
                                        "<p>Guarda <strong>il bollettino</strong>.</p><script>alert(1)</script>",
                                        "Dove trovo le previsioni del tempo?",
                                        "Che tempo fa domani?"))),
                "test");

        HttpResponse<String> page = visitor.get("/help/faq/" + id);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("<h1>Dove trovo le previsioni del tempo?</h1>")
                .contains("Guarda <strong>il bollettino</strong>.")
                .doesNotContain("<script>alert(1)")
                .contains("Altri modi di chiederlo")
                .contains("Che tempo fa domani?")
                .contains("Ti è stato utile?");
        assertThat(visitor.get("/help/faq/" + id + "?lang=en").body())
                .contains("This answer is available in another language only.")
                .contains("Was this helpful?");
    }

    @Test
    void countsAReadingPerVisitButNotTheReturnFromAVote() {
        String id = faqs.published(
                SupportedLocale.IT, "<p>Entro 14 giorni.</p>", "Quanto tempo ho per il reso del divano?");

        visitor.get("/help/faq/" + id);
        String token = csrf("/help/faq/" + id);
        HttpResponse<String> voted =
                visitor.post("/help/feedback", form("faqId", id, "helpful", "yes", "_csrf", token));
        visitor.get(visitor.redirectTarget(voted));

        assertThat(faqs.views(id, SupportedLocale.IT)).isEqualTo(2);
    }

    @Test
    void popularQuestionsAreTheMostReadInTheReadersLanguage() {
        String italian = faqs.published(SupportedLocale.IT, "<p>Sì.</p>", "Domanda popolarissima sul catamarano?");
        String english = faqs.published(SupportedLocale.EN, "<p>Yes.</p>", "Very popular catamaran question?");
        // Read more than anything else the shared test database holds.
        for (String id : List.of(italian, english)) {
            jdbc.update(
                    "update knowledge_faq_translation set views = 1000000000"
                            + " where faq_id = (select id from knowledge_faq where faq_id = ?)",
                    id);
        }

        assertThat(visitor.get("/help").body())
                .contains("Domande più lette")
                .contains("Domanda popolarissima sul catamarano?")
                .doesNotContain("Very popular catamaran question?");
        assertThat(visitor.get("/help?lang=en").body())
                .contains("Most read questions")
                .contains("Very popular catamaran question?")
                .doesNotContain("Domanda popolarissima sul catamarano?");
    }

    @Test
    void anUnknownCategoryOrAnswerIsNotFound() {
        assertThat(visitor.get("/help/categories/nessuna-categoria-cosi").statusCode())
                .isEqualTo(404);
        assertThat(visitor.get("/help/faq/nessuna/risposta-cosi").statusCode()).isEqualTo(404);
    }

    @Test
    void aSentSearchThatFindsNothingIsRememberedButOneTypedLetterByLetterIsNot() {
        String typed = "zzqx" + Long.toString(System.nanoTime(), 36);
        String sent = "zzqy" + Long.toString(System.nanoTime(), 36);

        assertThat(visitor.get("/help/search?q=" + typed, HTMX).body()).contains("Nessun risultato");
        HttpResponse<String> page = visitor.get("/help/search?q=" + sent);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Nessun risultato per «" + sent + "»").contains("Scrivi al servizio clienti");
        List<String> remembered = misses.mostFrequent(10_000).stream()
                .map(SearchMisses.Miss::query)
                .toList();
        assertThat(remembered).contains(sent).doesNotContain(typed);
    }

    @Test
    void aYesIsThankedAfterTheRedirect() {
        String id = faqs.published(SupportedLocale.IT, "<p>Dal sito.</p>", "Come cambio la password del mulino?");

        HttpResponse<String> voted = vote(id, "yes", "");

        assertThat(voted.statusCode()).isEqualTo(302);
        assertThat(visitor.redirectTarget(voted)).isEqualTo("/help/faq/" + id + "?voted=yes");
        assertThat(visitor.get("/help/faq/" + id + "?voted=yes").body())
                .contains("Grazie per il tuo parere!")
                .doesNotContain("name=\"helpful\"");
    }

    @Test
    void aNoWithACommentThroughHtmxSwapsTheBoxForTheThanks() {
        String id = faqs.published(SupportedLocale.EN, "<p>From the site.</p>", "How do I reset the windmill?");
        String token = csrf("/help/faq/" + id);

        HttpResponse<String> voted = visitor.post(
                "/help/feedback?lang=en",
                List.copyOf(form("faqId", id, "helpful", "no", "comment", "It lacks the steps", "_csrf", token)
                        .entrySet()),
                HTMX);

        assertThat(voted.statusCode()).isEqualTo(200);
        assertThat(voted.body()).contains("Thank you for your feedback!").doesNotContain("<html");
    }

    @Test
    void aCommentOnAYesIsRefusedNextToTheBoxKeepingTheText() {
        String id = faqs.published(SupportedLocale.IT, "<p>Sì.</p>", "Posso pagare con il bonifico del faro?");

        HttpResponse<String> refused = vote(id, "yes", "Ma manca l'IBAN");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body())
                .contains("Il commento accompagna un «No»")
                .contains("Ma manca l&#39;IBAN")
                .contains("data-open=\"true\"");
    }

    @Test
    void aCommentLongerThan2000CharactersIsRefused() {
        String id = faqs.published(SupportedLocale.IT, "<p>Sì.</p>", "Posso pagare in contanti al faro?");

        HttpResponse<String> refused = vote(id, "no", "a".repeat(2001));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Il commento può avere al massimo 2000 caratteri.");
        HttpResponse<String> accepted = vote(id, "no", "b".repeat(2000));
        assertThat(accepted.statusCode()).isEqualTo(302);
    }

    @Test
    void aVoteOnAnArticleReturnsToTheArticleOrShowsTheBoxWithItsProblem() {
        String guide = new ArticleFixtures(entityManager, transactions)
                .article(
                        SupportedLocale.IT,
                        "Montare il letto a castello",
                        "<p>Primo passo.</p>",
                        FaqStatus.PUBLISHED,
                        Visibility.PUBLIC);
        String token = csrf("/contact");

        HttpResponse<String> voted =
                visitor.post("/help/feedback", form("article", guide, "locale", "it", "helpful", "no", "_csrf", token));
        HttpResponse<String> refused = visitor.post(
                "/help/feedback",
                form("article", guide, "locale", "it", "helpful", "yes", "comment", "Mancano le foto", "_csrf", token));
        HttpResponse<String> unknown = visitor.post(
                "/help/feedback", form("article", "nessuna-guida", "locale", "it", "helpful", "no", "_csrf", token));

        assertThat(voted.statusCode()).isEqualTo(302);
        assertThat(visitor.redirectTarget(voted)).isEqualTo("/help/articles/" + guide + "?voted=no");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body())
                .contains("Il commento accompagna un «No»")
                .contains("Mancano le foto")
                .contains("name=\"article\" value=\"" + guide + "\"");
        assertThat(unknown.statusCode()).isEqualTo(404);
    }

    @Test
    void theContactFormLinksToTheHelpCenterAndAsksItForSuggestions() {
        assertThat(visitor.get("/contact").body()).contains("href=\"/help\"").contains("/help/suggest");
    }

    private HttpResponse<String> vote(String id, String helpful, String comment) {
        String token = csrf("/help/faq/" + id);
        return visitor.post(
                "/help/feedback", form("faqId", id, "helpful", helpful, "comment", comment, "_csrf", token));
    }

    private String csrf(String path) {
        return Browser.csrfToken(visitor.get(path).body());
    }
}
