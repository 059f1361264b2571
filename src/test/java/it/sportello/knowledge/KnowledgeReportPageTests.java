package it.sportello.knowledge;

import static it.sportello.support.Api.object;
import static it.sportello.support.Browser.form;
import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.shared.SupportedLocale;
import it.sportello.support.ApiTestCase;
import it.sportello.support.Browser;
import it.sportello.support.Desk;
import it.sportello.support.IntegrationTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The help center's report page for staff. */
@IntegrationTest
class KnowledgeReportPageTests extends ApiTestCase {

    @Autowired
    FaqCatalog catalog;

    private Faqs faqs;

    @BeforeEach
    void content() {
        faqs = new Faqs(catalog);
    }

    @Test
    void showsPerEntryViewsHelpfulShareCommentsNewestFirstMissesAndDeflections() {
        String id = faqs.published(SupportedLocale.IT, "<p>Con il codice.</p>", "Come attivo la tessera del cinema?");
        Browser reader = new Browser(port);
        reader.get("/help/faq/" + id);
        reader.get("/help/faq/" + id);
        String token = Browser.csrfToken(reader.get("/help/faq/" + id).body());
        reader.post("/help/feedback", form("faqId", id, "helpful", "yes", "_csrf", token));
        reader.post("/help/feedback", form("faqId", id, "helpful", "no", "comment", "Quale codice?", "_csrf", token));
        api.post(
                "/api/v1/knowledge/feedback",
                null,
                object("faqId", id, "locale", "it", "helpful", false, "comment", "Serve <b>un esempio</b>"));
        reader.get("/help/search?q=qwxz+plorf+vunk");
        Desk.Person agent = desk.agent();
        Browser staff = new Browser(port);
        staff.signIn(agent.email(), agent.password());

        HttpResponse<String> page = staff.get("/knowledge/report");

        assertThat(page.statusCode()).isEqualTo(200);
        String row = row(page.body(), "entry-faq-" + id);
        assertThat(row)
                .contains("Come attivo la tessera del cinema?")
                .contains(">3</td>")
                .contains(">1</td>")
                .contains(">2</td>")
                .contains("33 %")
                .contains("Serve &lt;b&gt;un esempio&lt;/b&gt;");
        assertThat(row.indexOf("Serve &lt;b&gt;")).isLessThan(row.indexOf("Quale codice?"));
        assertThat(page.body())
                .contains("Ricerche senza risultati")
                .contains("qwxz plorf vunk")
                .contains("Richieste evitate")
                .contains("id=\"deflected-count\"");
        assertThat(staff.get("/knowledge/report?lang=en").body())
                .contains("Help center report")
                .contains("Searches that found nothing");
    }

    @Test
    void aBadPeriodIsSaidAndTheLastThirtyDaysAreShown() {
        Desk.Person agent = desk.agent();
        Browser staff = new Browser(port);
        staff.signIn(agent.email(), agent.password());

        HttpResponse<String> page = staff.get("/knowledge/report?from=2026-02-30");

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("Il periodo indicato non è valido");
    }

    @Test
    void visitorsAndCustomersCannotOpenTheReport() {
        Browser visitor = new Browser(port);
        HttpResponse<String> anonymous = visitor.get("/knowledge/report");
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(visitor.redirectTarget(anonymous)).startsWith("/login");

        Desk.Person customer = desk.customer();
        Browser customerBrowser = new Browser(port);
        customerBrowser.signIn(customer.email(), customer.password());
        assertThat(customerBrowser.get("/knowledge/report").statusCode()).isEqualTo(403);
    }

    private static String row(String html, String id) {
        int start = html.indexOf("id=\"" + id + "\"");
        assertThat(start).as("row " + id + " in\n" + html).isNotNegative();
        return html.substring(start, html.indexOf("</tr>", start));
    }
}
