package it.sportello.knowledge.web;

import static it.sportello.knowledge.web.KnowledgeEditorPagesTests.fields;
import static it.sportello.knowledge.web.KnowledgeEditorPagesTests.post;
import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.knowledge.Article;
import it.sportello.knowledge.Articles;
import it.sportello.knowledge.FaqCatalog;
import it.sportello.shared.SupportedLocale;
import it.sportello.support.Api;
import it.sportello.support.ApiTestCase;
import it.sportello.support.Browser;
import it.sportello.support.Desk;
import it.sportello.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.thymeleaf.ITemplateEngine;

/** Articles: written and translated in the editor, read on the public help center. */
@IntegrationTest
class ArticlePagesTests extends ApiTestCase {

    @Autowired
    Articles articles;

    @Autowired
    FaqCatalog catalog;

    @Autowired
    ITemplateEngine templates;

    @Test
    void aTranslationIsLinkedBothWaysAndTheReaderIsOfferedTheOtherLanguage() {
        Browser supervisor = signedIn(desk.supervisor());
        String it = slug("come-fare-un-reso");
        String en = slug("how-to-return");
        String original = write(
                supervisor, "it", it, "Come fare un reso", "<p>Apri la pagina Ordini.</p>", "PUBLISHED", "PUBLIC");
        String editor = supervisor.get(original).body();
        assertThat(editor).contains("Traduci in inglese").contains(original + "/translate");

        String translationForm = supervisor.get(original + "/translate").body();
        assertThat(translationForm)
                .contains("Traduzione di")
                .contains("value=\"Come fare un reso\"")
                .contains("value=\"Inglese\"");
        HttpResponse<String> translated = post(
                supervisor,
                original + "/translate",
                fields(
                        supervisor,
                        original + "/translate",
                        "locale",
                        "EN",
                        "slug",
                        en,
                        "title",
                        "How to return an order",
                        "body",
                        "<p>Open the Orders page.</p>",
                        "status",
                        "PUBLISHED",
                        "visibility",
                        "PUBLIC"));
        assertThat(translated.statusCode()).as(translated.body()).isEqualTo(302);
        String translation = supervisor.redirectTarget(translated);
        assertThat(supervisor.get(translation).body()).contains("Apri la versione italiana");
        assertThat(supervisor.get(original).body())
                .contains("Apri la versione inglese")
                .doesNotContain("Traduci in inglese");
        assertThat(supervisor.get("/knowledge/articles").body())
                .contains("Come fare un reso")
                .contains("How to return an order");

        Browser visitor = new Browser(port);
        HttpResponse<String> italian = visitor.get("/help/articles/" + it + "?lang=it");
        assertThat(italian.statusCode()).isEqualTo(200);
        assertThat(italian.body())
                .contains("<h1 id=\"article-title\">Come fare un reso</h1>")
                .contains("Apri la pagina Ordini.")
                .contains("href=\"/help/articles/" + en + "?lang=en\"")
                .contains("Read this article in English");
        HttpResponse<String> english = visitor.get("/help/articles/" + en + "?lang=en");
        assertThat(english.body())
                .contains("How to return an order")
                .contains("href=\"/help/articles/" + it + "?lang=it\"")
                .contains("Leggi questo articolo in italiano");
        HttpResponse<String> wrongLanguage = visitor.get("/help/articles/" + it + "?lang=en");
        assertThat(wrongLanguage.statusCode())
                .as("the Italian slug read in English leads to the translation")
                .isEqualTo(302);
        assertThat(visitor.redirectTarget(wrongLanguage)).isEqualTo("/help/articles/" + en);
        Article read = articles.find(SupportedLocale.IT, it).orElseThrow();
        assertThat(read.views()).isEqualTo(1);
    }

    @Test
    void aBadOrTakenSlugIsRefusedBesideTheField() {
        Browser supervisor = signedIn(desk.supervisor());
        String taken = slug("spedizioni");
        write(supervisor, "it", taken, "Spedizioni", "<p>Testo.</p>", "DRAFT", "PUBLIC");

        HttpResponse<String> bad = post(
                supervisor,
                "/knowledge/articles",
                fields(
                        supervisor,
                        "/knowledge/articles/new",
                        "locale",
                        "IT",
                        "slug",
                        "Non Va Bene!",
                        "title",
                        "Un titolo",
                        "body",
                        "<p>Testo.</p>",
                        "status",
                        "DRAFT",
                        "visibility",
                        "PUBLIC"));
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body())
                .contains("id=\"slug-error\"")
                .contains("Solo lettere minuscole, cifre e trattini singoli")
                .contains("value=\"Un titolo\"");

        HttpResponse<String> duplicate = post(
                supervisor,
                "/knowledge/articles",
                fields(
                        supervisor,
                        "/knowledge/articles/new",
                        "locale",
                        "IT",
                        "slug",
                        taken,
                        "title",
                        "Un altro",
                        "body",
                        "",
                        "status",
                        "DRAFT",
                        "visibility",
                        "PUBLIC"));
        assertThat(duplicate.statusCode()).isEqualTo(422);
        assertThat(duplicate.body())
                .contains("Un altro articolo in questa lingua usa già questo indirizzo.")
                .contains("id=\"body-error\"");

        assertThat(write(supervisor, "en", taken, "Shipping", "<p>Text.</p>", "DRAFT", "PUBLIC"))
                .as("the same slug in the other language is another article")
                .startsWith("/knowledge/articles/");
    }

    @Test
    void aVisitorNeverSeesDraftsOrInternalArticles() {
        Browser supervisor = signedIn(desk.supervisor());
        String category = slug("cat");
        String token = Browser.csrfToken(supervisor.get("/knowledge/categories").body());
        supervisor.post(
                "/knowledge/categories",
                java.util.Map.of(
                        "_csrf", token, "slug", category, "nameIt", "Resi", "nameEn", "Returns", "position", "1"));
        long categoryId = catalog.categories().stream()
                .filter(c -> c.slug().equals(category))
                .findFirst()
                .orElseThrow()
                .id();
        String draft = slug("bozza");
        String internal = slug("interno");
        String open = slug("aperto");
        writeIn(supervisor, draft, "Bozza", "DRAFT", "PUBLIC", categoryId);
        writeIn(supervisor, internal, "Interno", "PUBLISHED", "INTERNAL", categoryId);
        writeIn(supervisor, open, "Aperto", "PUBLISHED", "PUBLIC", categoryId);

        Browser visitor = new Browser(port);
        assertThat(visitor.get("/help/articles/" + draft + "?lang=it").statusCode())
                .isEqualTo(404);
        assertThat(visitor.get("/help/articles/" + internal + "?lang=it").statusCode())
                .isEqualTo(404);
        HttpResponse<String> page = visitor.get("/help/articles/" + open + "?lang=it");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).as("the article asks whether it helped").contains("id=\"feedback\"");
        assertThat(visitor.get("/help/categories/" + category + "?lang=it").body())
                .as("the category page lists only its published public articles")
                .contains("/help/articles/" + open)
                .doesNotContain("/help/articles/" + draft)
                .doesNotContain("/help/articles/" + internal);
        assertThat(visitor.get("/help/articles/" + slug("nessuno") + "?lang=it").statusCode())
                .isEqualTo(404);
        assertThat(articles.publishedIn(category, SupportedLocale.IT))
                .extracting(Article::slug)
                .containsExactly(open);
        assertThat(articles.publishedIn(category, SupportedLocale.EN)).isEmpty();
        assertThat(articles.find(SupportedLocale.IT, draft).orElseThrow().views())
                .isZero();
    }

    @Test
    void agentsWriteDraftArticlesButCannotPublishThem() {
        Browser agent = signedIn(desk.agent());

        HttpResponse<String> publishing = post(
                agent,
                "/knowledge/articles",
                fields(
                        agent,
                        "/knowledge/articles/new",
                        "locale",
                        "IT",
                        "slug",
                        slug("agente"),
                        "title",
                        "Titolo",
                        "body",
                        "<p>Testo.</p>",
                        "status",
                        "PUBLISHED",
                        "visibility",
                        "PUBLIC"));
        assertThat(publishing.statusCode()).isEqualTo(422);
        assertThat(publishing.body()).contains("Solo un supervisore può pubblicare");
        assertThat(write(agent, "it", slug("agente"), "Titolo", "<p>Testo.</p>", "DRAFT", "PUBLIC"))
                .startsWith("/knowledge/articles/");
    }

    // ---- helpers

    private static String slug(String base) {
        return Api.unique(base)
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("-+$", "");
    }

    private void writeIn(Browser browser, String slug, String title, String status, String visibility, long category) {
        HttpResponse<String> created = post(
                browser,
                "/knowledge/articles",
                fields(
                        browser,
                        "/knowledge/articles/new",
                        "locale",
                        "IT",
                        "slug",
                        slug,
                        "title",
                        title,
                        "body",
                        "<p>" + title + "</p>",
                        "categoryId",
                        String.valueOf(category),
                        "status",
                        status,
                        "visibility",
                        visibility));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
    }

    private String write(
            Browser browser, String locale, String slug, String title, String body, String status, String visibility) {
        HttpResponse<String> created = post(
                browser,
                "/knowledge/articles",
                fields(
                        browser,
                        "/knowledge/articles/new",
                        "locale",
                        locale.toUpperCase(Locale.ROOT),
                        "slug",
                        slug,
                        "title",
                        title,
                        "body",
                        body,
                        "status",
                        status,
                        "visibility",
                        visibility));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        return browser.redirectTarget(created);
    }

    private Browser signedIn(Desk.Person person) {
        Browser browser = new Browser(port);
        assertThat(browser.signIn(person.email(), person.password()).statusCode())
                .isEqualTo(302);
        return browser;
    }
}
