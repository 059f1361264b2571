package it.sportello.sla;

import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.support.Api;
import it.sportello.support.ApiTestCase;
import it.sportello.support.Browser;
import it.sportello.support.Desk.Person;
import it.sportello.support.IntegrationTest;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The standards pages over HTTP: who may open them, the live fragment, the supervisors' form and publishing. */
@IntegrationTest
class StandardsPagesTests extends ApiTestCase {

    @Test
    void anAgentSeesTheLiveFiguresAndTheFragmentRefreshesAlone() {
        Browser agent = signedIn(desk.agent());

        HttpResponse<String> page = agent.get("/standards");
        HttpResponse<String> fragment =
                agent.get("/standards/figures?period=today&groupBy=channel", Map.of("HX-Request", "true"));
        HttpResponse<String> english = agent.get("/standards?lang=en&period=month&groupBy=team");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("Standard di servizio")
                .contains("Prima risposta e-mail entro 8 ore lavorative")
                .contains("hx-trigger=\"every 30s\"")
                .doesNotContain("/standards/manage");
        assertThat(fragment.statusCode()).isEqualTo(200);
        assertThat(fragment.body()).startsWith("<section").doesNotContain("<html");
        assertThat(fragment.body()).contains("groupBy=channel");
        assertThat(english.body()).contains("Service standards").contains("By team");
    }

    @Test
    void aReversedCustomPeriodIsSaidOnThePage() {
        Browser agent = signedIn(desk.agent());

        HttpResponse<String> page = agent.get("/standards?period=custom&from=2026-12-10&to=2026-12-01");

        assertThat(page.statusCode()).isEqualTo(422);
        assertThat(page.body()).contains("Controlla le date");
    }

    @Test
    void onlySupervisorsEditAndPublishCustomersSeeNothing() {
        Browser agent = signedIn(desk.agent());
        Browser customer = signedIn(desk.customer());

        assertThat(agent.get("/standards/manage").statusCode()).isEqualTo(403);
        assertThat(agent.get("/standards/charter").statusCode()).isEqualTo(200);
        assertThat(agent.get("/standards/charter").body()).doesNotContain("Pubblica la carta");
        HttpResponse<String> charter = agent.get("/standards/charter");
        assertThat(agent.post("/standards/charter/publish", Map.of("_csrf", Browser.csrfToken(charter.body())))
                        .statusCode())
                .isEqualTo(403);
        assertThat(customer.get("/standards").statusCode()).isEqualTo(403);
        assertThat(new Browser(port).get("/standards").statusCode()).isEqualTo(302);
    }

    @Test
    void aSupervisorWritesAStandardOnTheFormAndPublishesTheCharter() {
        Person person = desk.supervisor();
        Browser supervisor = signedIn(person);
        String name = Api.unique("Telefono");

        HttpResponse<String> refused = submit(
                supervisor,
                "/standards/manage/new",
                "/standards/manage/new",
                List.of(
                        "name",
                        " ",
                        "measure",
                        "FIRST_RESPONSE",
                        "amount",
                        "0",
                        "unit",
                        "hours",
                        "floor",
                        "tanto",
                        "active",
                        "true"));
        HttpResponse<String> saved = submit(
                supervisor,
                "/standards/manage/new",
                "/standards/manage/new",
                List.of(
                        "name",
                        name,
                        "measure",
                        "FIRST_RESPONSE",
                        "amount",
                        "30",
                        "unit",
                        "minutes",
                        "calendarId",
                        "",
                        "channels",
                        "PHONE",
                        "floor",
                        "80",
                        "active",
                        "true"));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body())
                .contains("Controlla i campi segnalati")
                .contains("Scrivi un nome")
                .contains("Scrivi un tempo maggiore di zero")
                .contains("Scrivi una percentuale");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        JsonNode created = find(person, name);
        assertThat(created.get("sentence").asString())
                .isEqualTo("80 % of requests by phone get a first response within 30 minutes.");

        HttpResponse<String> stale = submit(
                supervisor,
                "/standards/manage/" + created.get("id").asLong(),
                "/standards/manage/" + created.get("id").asLong(),
                List.of(
                        "name",
                        name,
                        "measure",
                        "RESOLUTION",
                        "amount",
                        "1",
                        "unit",
                        "days",
                        "floor",
                        "80",
                        "active",
                        "true",
                        "version",
                        String.valueOf(created.get("version").asLong() + 7)));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("Qualcun altro ha modificato");

        HttpResponse<String> published =
                submit(supervisor, "/standards/charter", "/standards/charter/publish", List.of());
        assertThat(published.statusCode()).isEqualTo(302);
        HttpResponse<String> charter = supervisor.get("/standards/charter");
        assertThat(charter.body())
                .contains("pubblicata il")
                .contains("Test supervisor")
                .contains("L&#39;80 % delle richieste via telefono riceve una prima risposta entro 30 minuti.");
    }

    @Test
    void anAgentRecordsAMilestoneFromTheTicketPage() {
        Browser agent = signedIn(desk.agent());
        long ticket = desk.ticket("Ordine 1234").get("id").asLong();
        String panel = "/tickets/" + ticket + "/milestones";

        HttpResponse<String> page = agent.get("/tickets/" + ticket);
        HttpResponse<String> empty = agent.get(panel, Map.of("HX-Request", "true"));
        String csrf = Browser.csrfToken(empty.body());
        HttpResponse<String> blank = agent.post(panel, Map.of("_csrf", csrf, "name", "  "));
        HttpResponse<String> recorded = agent.post(panel, Map.of("_csrf", csrf, "name", "Consegna", "note", "GLS"));

        assertThat(page.body()).contains("hx-get=\"" + panel + "\"");
        assertThat(empty.body()).contains("Nessun traguardo registrato.");
        assertThat(blank.statusCode()).isEqualTo(422);
        assertThat(blank.body()).contains("Scrivi il nome del traguardo");
        assertThat(recorded.statusCode()).isEqualTo(200);
        assertThat(recorded.body()).contains("<strong>consegna</strong>").contains("GLS");
        assertThat(api.get("/api/v1" + panel, it.sportello.support.Desk.ADMIN)
                        .json()
                        .size())
                .isEqualTo(1);
    }

    private Browser signedIn(Person person) {
        Browser browser = new Browser(port);
        browser.signIn(person.email(), person.password());
        return browser;
    }

    private JsonNode find(Person supervisor, String name) {
        for (JsonNode standard :
                api.get("/api/v1/standards", supervisor.token()).json()) {
            if (standard.get("name").asString().equals(name)) {
                return standard;
            }
        }
        throw new AssertionError("No standard " + name);
    }

    private static HttpResponse<String> submit(Browser browser, String page, String action, List<String> fields) {
        HttpResponse<String> form = browser.get(page);
        assertThat(form.statusCode()).as(page).isEqualTo(200);
        StringBuilder body = new StringBuilder("_csrf=" + encode(Browser.csrfToken(form.body())));
        for (int i = 0; i < fields.size(); i += 2) {
            body.append('&').append(encode(fields.get(i))).append('=').append(encode(fields.get(i + 1)));
        }
        return browser.postEncoded(action, body.toString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
