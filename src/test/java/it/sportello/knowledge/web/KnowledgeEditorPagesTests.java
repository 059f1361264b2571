package it.sportello.knowledge.web;

import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.support.Api;
import it.sportello.support.ApiTestCase;
import it.sportello.support.AuditTrail;
import it.sportello.support.Browser;
import it.sportello.support.Desk;
import it.sportello.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The knowledge base's editor pages (/knowledge) through HTTP, as a browser without a screen uses them. */
@IntegrationTest
class KnowledgeEditorPagesTests extends ApiTestCase {

    private static final Pattern FAQ_PATH = Pattern.compile("/knowledge/faqs/(\\d+)");

    @Test
    void aSupervisorCreatesAnFaqInBothLanguagesAndFindsItInTheList() {
        Instant before = Instant.now().minusSeconds(1);
        Browser supervisor = signedIn(desk.supervisor());
        String faqId = Api.unique("reso");

        HttpResponse<String> created = post(
                supervisor,
                "/knowledge/faqs",
                fields(
                        supervisor,
                        "/knowledge/faqs/new",
                        "faqId",
                        faqId,
                        "status",
                        "PUBLISHED",
                        "visibility",
                        "PUBLIC",
                        "tags",
                        "resi, Ordini",
                        "reviewed",
                        "true",
                        "itQuestions",
                        "Come faccio un reso?",
                        "itQuestions",
                        "Posso restituire un ordine?",
                        "itQuestions",
                        "",
                        "itAnswer",
                        "<p>Dalla pagina <strong>Ordini</strong>.</p>",
                        "enQuestions",
                        "How do I return an order?",
                        "enAnswer",
                        "<p>From the <em>Orders</em> page.</p>"));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        String page = supervisor.redirectTarget(created);
        assertThat(page).matches(FAQ_PATH);
        String editor = supervisor.get(page).body();
        assertThat(editor)
                .contains("FAQ " + faqId + " creata.")
                .contains("value=\"Come faccio un reso?\"")
                .contains("value=\"Posso restituire un ordine?\"")
                .contains("value=\"How do I return an order?\"")
                .contains("&lt;p&gt;Dalla pagina &lt;strong&gt;Ordini&lt;/strong&gt;.&lt;/p&gt;");
        String list = supervisor.get("/knowledge?q=" + faqId).body();
        assertThat(list)
                .contains("Come faccio un reso?")
                .contains("Pubblicata")
                .contains("IT EN")
                .contains("Test supervisor")
                .contains("1 FAQ");
        assertThat(supervisor.get("/knowledge?q=" + faqId + "&status=DRAFT").body())
                .contains("Nessuna FAQ corrisponde");
        assertThat(supervisor.get("/knowledge?q=" + faqId + "&lang=en").body()).contains("How do I return an order?");
        assertThat(new AuditTrail(api).entries("knowledge.faq.created", before))
                .anySatisfy(e -> assertThat(e.get("target").asString()).isEqualTo("faq:" + faqId));
    }

    @Test
    void refusesAnFaqWithoutAnswerAndSaysWhyBesideTheFields() {
        Browser supervisor = signedIn(desk.supervisor());
        String faqId = Api.unique("vuota");

        HttpResponse<String> refused = post(
                supervisor,
                "/knowledge/faqs",
                fields(
                        supervisor,
                        "/knowledge/faqs/new",
                        "faqId",
                        faqId + " con spazi",
                        "status",
                        "DRAFT",
                        "visibility",
                        "PUBLIC",
                        "itQuestions",
                        "Una domanda senza risposta?",
                        "itAnswer",
                        "<script>alert(1)</script>",
                        "enQuestions",
                        "",
                        "enAnswer",
                        "An answer without a question."));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body())
                .contains("Non è stato salvato nulla")
                .contains("id=\"faqId-error\"")
                .contains("Solo lettere, cifre e . _ - /")
                .contains("id=\"itAnswer-error\"")
                .contains("Scrivi la risposta.")
                .contains("id=\"enQuestions-error\"")
                .contains("Scrivi almeno un modo di chiedere.")
                .contains("value=\"Una domanda senza risposta?\"")
                .contains("aria-invalid=\"true\"");
        assertThat(supervisor.get("/knowledge?q=" + faqId).body()).contains("Nessuna FAQ corrisponde");

        HttpResponse<String> empty = post(
                supervisor,
                "/knowledge/faqs",
                fields(supervisor, "/knowledge/faqs/new", "faqId", faqId, "status", "DRAFT", "visibility", "PUBLIC"));
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(empty.body()).contains("Scrivi la FAQ in almeno una lingua");
    }

    @Test
    void theAnswerIsSanitisedOnSave() {
        Browser supervisor = signedIn(desk.supervisor());
        String page = create(
                supervisor,
                Api.unique("pulita"),
                "DRAFT",
                "Domanda?",
                "<p onclick=\"x()\">Ciao</p><script>alert(1)</script>");

        String editor = supervisor.get(page).body();

        assertThat(editor)
                .contains("&lt;p&gt;Ciao&lt;/p&gt;")
                .doesNotContain("alert(1)")
                .doesNotContain("onclick");
    }

    @Test
    void aSaveOverSomeoneElsesNewerVersionIsRefusedKeepingTheTextAndShowingTheirs() {
        Browser anna = signedIn(desk.supervisor());
        Browser marco = signedIn(desk.supervisor());
        String faqId = Api.unique("conflitto");
        String page = create(anna, faqId, "DRAFT", "Quanto costa la spedizione?", "<p>5 euro.</p>");
        String annaForm = anna.get(page).body();
        String marcoForm = marco.get(page).body();

        HttpResponse<String> first = post(marco, page, edit(marcoForm, "<p>Gratis sopra i 50 euro.</p>"));
        assertThat(first.statusCode()).isEqualTo(302);
        HttpResponse<String> stale = post(anna, page, edit(annaForm, "<p>Sette euro.</p>"));

        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body())
                .contains("Nel frattempo qualcun altro ha salvato questa FAQ.")
                .contains("Versione salvata da Test supervisor")
                .contains("Gratis sopra i 50 euro.")
                .contains("&lt;p&gt;Sette euro.&lt;/p&gt;")
                .contains("Salva la mia versione al posto della loro");
        assertThat(anna.get(page).body()).contains("Gratis sopra i 50 euro.").doesNotContain("Sette euro");

        HttpResponse<String> again = post(anna, page, edit(stale.body(), "<p>Sette euro.</p>"));
        assertThat(again.statusCode())
                .as("saving again knowingly replaces theirs")
                .isEqualTo(302);
        assertThat(anna.get(page).body()).contains("Sette euro.");
    }

    @Test
    void agentsWriteDraftsButOnlySupervisorsPublishChangePublishedEntriesAndDelete() {
        Browser agent = signedIn(desk.agent());
        Browser supervisor = signedIn(desk.supervisor());

        HttpResponse<String> publishing = post(
                agent,
                "/knowledge/faqs",
                fields(
                        agent,
                        "/knowledge/faqs/new",
                        "faqId",
                        Api.unique("agente"),
                        "status",
                        "PUBLISHED",
                        "visibility",
                        "PUBLIC",
                        "itQuestions",
                        "Domanda?",
                        "itAnswer",
                        "Risposta."));
        assertThat(publishing.statusCode()).isEqualTo(422);
        assertThat(publishing.body()).contains("Solo un supervisore può pubblicare");

        String draft = create(agent, Api.unique("bozza"), "DRAFT", "Domanda dell'agente?", "Risposta.");
        assertThat(agent.get(draft).statusCode()).isEqualTo(200);
        HttpResponse<String> published =
                post(supervisor, draft, edit(supervisor.get(draft).body(), "Risposta.", "PUBLISHED"));
        assertThat(published.statusCode()).isEqualTo(302);

        String lockedForm = agent.get(draft).body();
        assertThat(lockedForm).contains("solo un supervisore può modificarla").doesNotContain("Elimina FAQ");
        assertThat(post(agent, draft, edit(lockedForm, "Cambiata.", "DRAFT")).statusCode())
                .isEqualTo(403);
        assertThat(agent.post(draft + "/delete", Map.of("_csrf", Browser.csrfToken(lockedForm)))
                        .statusCode())
                .isEqualTo(403);
        assertThat(agent.post(
                                "/knowledge/categories",
                                Map.of(
                                        "_csrf",
                                        Browser.csrfToken(lockedForm),
                                        "slug",
                                        "x",
                                        "nameIt",
                                        "X",
                                        "nameEn",
                                        "X"))
                        .statusCode())
                .isEqualTo(403);

        String supervisorForm = supervisor.get(draft).body();
        HttpResponse<String> deleted =
                supervisor.post(draft + "/delete", Map.of("_csrf", Browser.csrfToken(supervisorForm)));
        assertThat(deleted.statusCode()).isEqualTo(302);
        assertThat(supervisor.get(draft).statusCode()).isEqualTo(404);
    }

    @Test
    void customersCannotOpenTheEditor() {
        Browser customer = signedIn(desk.customer());

        assertThat(customer.get("/knowledge").statusCode()).isIn(302, 403);
        assertThat(new Browser(port).get("/knowledge").statusCode()).isEqualTo(302);
    }

    @Test
    void theHistoryListsEveryVersionWithWhoWhenAndWhatItSaid() {
        Browser supervisor = signedIn(desk.supervisor());
        String page =
                create(supervisor, Api.unique("storia"), "DRAFT", "Come cambio indirizzo?", "<p>Dal profilo.</p>");
        post(supervisor, page, edit(supervisor.get(page).body(), "<p>Dal profilo, sezione Indirizzi.</p>"));

        String history = supervisor.get(page + "/history").body();

        assertThat(history)
                .contains("Versione 2")
                .contains("Versione 1")
                .contains("di Test supervisor")
                .contains("Dal profilo, sezione Indirizzi.")
                .contains("<p>Dal profilo.</p>")
                .contains("Come cambio indirizzo?");
        assertThat(history.indexOf("Versione 2")).isLessThan(history.indexOf("Versione 1"));
    }

    @Test
    void thePreviewShowsWhatTheSanitiserKeeps() {
        Browser agent = signedIn(desk.agent());
        String form = agent.get("/knowledge/faqs/new").body();

        HttpResponse<String> preview = agent.post(
                "/knowledge/preview?field=itAnswer",
                List.of(
                        Map.entry("itAnswer", "<p>Ciao <b>tu</b></p><script>alert(1)</script>"),
                        Map.entry("_csrf", Browser.csrfToken(form))),
                Map.of("HX-Request", "true"));

        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body())
                .contains("<p>Ciao <b>tu</b></p>")
                .doesNotContain("script")
                .doesNotContain("<html");
    }

    @Test
    void categoriesAndSynonymsAreManagedBySupervisors() {
        Browser supervisor = signedIn(desk.supervisor());
        String slug = Api.unique("cat").toLowerCase().replaceAll("[^a-z0-9]+", "-");
        String token = Browser.csrfToken(supervisor.get("/knowledge/categories").body());

        HttpResponse<String> created = supervisor.post(
                "/knowledge/categories",
                Map.of("_csrf", token, "slug", slug, "nameIt", "Spedizioni", "nameEn", "Shipping", "position", "3"));
        assertThat(created.statusCode()).isEqualTo(302);
        HttpResponse<String> renamed = supervisor.post(
                "/knowledge/categories",
                Map.of("_csrf", token, "slug", slug, "nameIt", "Consegne", "nameEn", "Deliveries", "position", "4"));
        assertThat(renamed.statusCode()).isEqualTo(302);
        assertThat(supervisor.get("/knowledge/categories").body())
                .contains("Categoria «Consegne» salvata.")
                .contains("value=\"Deliveries\"");
        HttpResponse<String> refused = supervisor.post(
                "/knowledge/categories",
                Map.of("_csrf", token, "slug", slug, "nameIt", "", "nameEn", "X", "position", "x"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"new-nameIt-error\"").contains("Un numero da 0 a 9999.");

        String word = Api.unique("parola").toLowerCase().replaceAll("[^a-z]", "");
        HttpResponse<String> added = supervisor.post(
                "/knowledge/synonyms", Map.of("_csrf", token, "locale", "it", "terms", word + ", sinonimo" + word));
        assertThat(added.statusCode()).isEqualTo(302);
        String synonyms = supervisor.get("/knowledge/synonyms").body();
        assertThat(synonyms).contains(word + ", sinonimo" + word);
        HttpResponse<String> alone =
                supervisor.post("/knowledge/synonyms", Map.of("_csrf", token, "locale", "it", "terms", "sola"));
        assertThat(alone.statusCode()).isEqualTo(422);
        assertThat(alone.body()).contains("Scrivi almeno due parole");
        Matcher remove = Pattern.compile("/knowledge/synonyms/(\\d+)/delete")
                .matcher(synonyms.substring(synonyms.indexOf(word)));
        assertThat(remove.find()).isTrue();
        assertThat(supervisor.post(remove.group(), Map.of("_csrf", token)).statusCode())
                .isEqualTo(302);
        assertThat(supervisor.get("/knowledge/synonyms").body()).doesNotContain(word + ", sinonimo");
    }

    // ---- helpers

    static HttpResponse<String> post(Browser browser, String path, List<Map.Entry<String, String>> fields) {
        return browser.post(path, fields, Map.of());
    }

    private Browser signedIn(Desk.Person person) {
        Browser browser = new Browser(port);
        HttpResponse<String> signIn = browser.signIn(person.email(), person.password());
        assertThat(signIn.statusCode()).as("signed in").isEqualTo(302);
        return browser;
    }

    /** Form fields (names may repeat) with the CSRF token of the page they come from. */
    static List<Map.Entry<String, String>> fields(Browser browser, String page, String... namesAndValues) {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        fields.add(Map.entry("_csrf", Browser.csrfToken(browser.get(page).body())));
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.add(Map.entry(namesAndValues[i], namesAndValues[i + 1]));
        }
        return fields;
    }

    /** Creates an Italian FAQ from the editor and answers its page's path. */
    String create(Browser browser, String faqId, String status, String question, String answer) {
        HttpResponse<String> created = post(
                browser,
                "/knowledge/faqs",
                fields(
                        browser,
                        "/knowledge/faqs/new",
                        "faqId",
                        faqId,
                        "status",
                        status,
                        "visibility",
                        "PUBLIC",
                        "itQuestions",
                        question,
                        "itAnswer",
                        answer));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        return browser.redirectTarget(created);
    }

    private static final Pattern HIDDEN_VERSION = Pattern.compile("name=\"version\" value=\"(\\d+)\"");
    private static final Pattern QUESTION = Pattern.compile("name=\"itQuestions\" value=\"([^\"]*)\"");

    /** The editor's form as loaded (version, questions), with a new Italian answer. */
    static List<Map.Entry<String, String>> edit(String form, String answer) {
        return edit(form, answer, "DRAFT");
    }

    static List<Map.Entry<String, String>> edit(String form, String answer, String status) {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        fields.add(Map.entry("_csrf", Browser.csrfToken(form)));
        Matcher version = HIDDEN_VERSION.matcher(form);
        assertThat(version.find()).as("a version in the form").isTrue();
        fields.add(Map.entry("version", version.group(1)));
        fields.add(Map.entry("status", status));
        fields.add(Map.entry("visibility", "PUBLIC"));
        Matcher question = QUESTION.matcher(form);
        while (question.find()) {
            fields.add(Map.entry("itQuestions", question.group(1).replace("&#39;", "'")));
        }
        fields.add(Map.entry("itAnswer", answer));
        return fields;
    }
}
