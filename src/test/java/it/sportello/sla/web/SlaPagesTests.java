package it.sportello.sla.web;

import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.support.Api;
import it.sportello.support.ApiTestCase;
import it.sportello.support.Browser;
import it.sportello.support.Desk;
import it.sportello.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The service-level pages over HTTP: supervisors see calendars and policies and edit them with
 * errors beside the fields and a conflict on a stale save; agents are kept out.
 */
@IntegrationTest
class SlaPagesTests extends ApiTestCase {

    private Browser signedIn(Desk.Person person) {
        Browser browser = new Browser(port);
        assertThat(browser.redirectTarget(browser.signIn(person.email(), person.password())))
                .isEqualTo("/");
        return browser;
    }

    @Test
    void aSupervisorSeesThePoliciesInOrderAndTheCalendarsInBothLanguages() {
        Browser supervisor = signedIn(desk.supervisor());

        HttpResponse<String> italian = supervisor.get("/admin/sla?lang=it");
        assertThat(italian.statusCode()).isEqualTo(200);
        assertThat(italian.body())
                .contains("Livelli di servizio", "Politiche", "Orario d&#39;ufficio", "Sempre aperto", "predefinita")
                .contains("Prima risposta entro 480 min", "Risoluzione entro 1620 min");
        assertThat(italian.body().indexOf(">Chat<")).isLessThan(italian.body().indexOf(">Standard<"));
        HttpResponse<String> english = supervisor.get("/admin/sla?lang=en");
        assertThat(english.body()).contains("Service levels", "Business calendars", "First response within 2 min");
    }

    @Test
    void aSupervisorCreatesAPolicyAfterFixingTheFieldsThePageNames() {
        Browser supervisor = signedIn(desk.supervisor());
        HttpResponse<String> page = supervisor.get("/admin/sla/policies/new?lang=en");
        assertThat(page.statusCode()).isEqualTo(200);
        String csrf = Browser.csrfToken(page.body());
        String name = Api.unique("Grandi clienti");

        HttpResponse<String> wrong = supervisor.post(
                "/admin/sla/policies?lang=en", fields(csrf, name, "vip", "0", "150", "NOTIFY_SUPERVISORS"), Map.of());
        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(wrong.body())
                .contains("Nothing was saved", "Give a number of minutes between 1 and 527040.")
                .contains("Give a percentage between 1 and 99.");
        assertThat(names()).doesNotContain(name);

        HttpResponse<String> saved = supervisor.post(
                "/admin/sla/policies?lang=en", fields(csrf, name, "vip", "240", "75", "NOTIFY_SUPERVISORS"), Map.of());
        assertThat(supervisor.redirectTarget(saved)).startsWith("/admin/sla");
        JsonNode created = policy(name);
        assertThat(created.get("firstResponseMinutes").asInt()).isEqualTo(240);
        assertThat(created.get("tags").toString()).isEqualTo("[\"vip\"]");
        assertThat(created.get("escalations").get(0).get("action").asString()).isEqualTo("notify_supervisors");

        HttpResponse<String> edit =
                supervisor.get("/admin/sla/policies/" + created.get("id").asLong() + "?lang=en");
        assertThat(edit.body()).contains("value=\"240\"");
        List<Map.Entry<String, String>> stale = fields(csrf, name + " bis", "vip", "60", "75", "");
        stale.add(Map.entry("version", "-1"));
        HttpResponse<String> conflict =
                supervisor.post("/admin/sla/policies/" + created.get("id").asLong() + "?lang=en", stale, Map.of());
        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(conflict.body()).contains("Someone else changed this policy meanwhile");
        assertThat(policy(name).get("firstResponseMinutes").asInt()).isEqualTo(240);
    }

    @Test
    void aSupervisorKeepsASplitShiftCalendarAndIsToldWhatIsWrong() {
        Browser supervisor = signedIn(desk.supervisor());
        String csrf =
                Browser.csrfToken(supervisor.get("/admin/sla/calendars/new").body());
        String name = Api.unique("Telefono");

        HttpResponse<String> wrong = supervisor.post(
                "/admin/sla/calendars?lang=it",
                calendar(csrf, name, "09:00-13:00, 14:00-25:00", "29/06/2027"),
                Map.of());
        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(wrong.body())
                .contains("Scrivi i periodi come 09:00-13:00, 14:00-18:00.")
                .contains("Scrivi una data per riga nel formato AAAA-MM-GG.");

        HttpResponse<String> saved = supervisor.post(
                "/admin/sla/calendars?lang=it",
                calendar(csrf, name, "09:00-13:00, 14:00-18:00", "2027-06-29"),
                Map.of());
        assertThat(supervisor.redirectTarget(saved)).isEqualTo("/admin/sla");
        JsonNode stored = null;
        for (JsonNode c : api.get("/api/v1/sla/calendars", Desk.ADMIN).json()) {
            if (c.get("name").asString().equals(name)) {
                stored = c;
            }
        }
        assertThat(stored).isNotNull();
        assertThat(stored.get("week").get("MONDAY")).hasSize(2);
        assertThat(stored.get("closedDays").get(0).asString()).isEqualTo("2027-06-29");
        assertThat(stored.get("italianHolidays").asBoolean()).isTrue();
    }

    @Test
    void agentsCannotOpenTheServiceLevelPages() {
        Browser agent = signedIn(desk.agent());
        assertThat(agent.get("/admin/sla").statusCode()).isEqualTo(403);
        assertThat(agent.get("/admin/sla/policies/new").statusCode()).isEqualTo(403);
        assertThat(agent.get("/admin/users").statusCode()).isEqualTo(403);
        Browser supervisor = signedIn(desk.supervisor());
        assertThat(supervisor.get("/admin/users").statusCode())
                .as("supervisors reach the service levels only")
                .isEqualTo(403);
    }

    private List<String> names() {
        List<String> names = new ArrayList<>();
        api.get("/api/v1/sla/policies", Desk.ADMIN)
                .json()
                .forEach(p -> names.add(p.get("name").asString()));
        return names;
    }

    private JsonNode policy(String name) {
        for (JsonNode p : api.get("/api/v1/sla/policies", Desk.ADMIN).json()) {
            if (p.get("name").asString().equals(name)) {
                return p;
            }
        }
        throw new AssertionError("no policy " + name);
    }

    private static List<Map.Entry<String, String>> fields(
            String csrf, String name, String tags, String firstResponse, String warning, String action) {
        return new ArrayList<>(List.of(
                Map.entry("_csrf", csrf),
                Map.entry("name", name),
                Map.entry("channels", "EMAIL"),
                Map.entry("tags", tags),
                Map.entry("organisations", ""),
                Map.entry("calendarId", ""),
                Map.entry("firstResponseMinutes", firstResponse),
                Map.entry("nextResponseMinutes", ""),
                Map.entry("resolutionMinutes", ""),
                Map.entry("warningPercent", warning),
                Map.entry("pauseOn", "PENDING"),
                Map.entry("escalationTarget", "FIRST_RESPONSE"),
                Map.entry("escalationMoment", "BREACH"),
                Map.entry("escalationAction", action),
                Map.entry("escalationPriority", ""),
                Map.entry("escalationGroup", ""),
                Map.entry("escalationAgent", ""),
                Map.entry("escalationTarget", "FIRST_RESPONSE"),
                Map.entry("escalationMoment", "WARNING"),
                Map.entry("escalationAction", ""),
                Map.entry("escalationPriority", ""),
                Map.entry("escalationGroup", ""),
                Map.entry("escalationAgent", "")));
    }

    private static List<Map.Entry<String, String>> calendar(String csrf, String name, String monday, String closed) {
        return List.of(
                Map.entry("_csrf", csrf),
                Map.entry("name", name),
                Map.entry("zone", "Europe/Rome"),
                Map.entry("monday", monday),
                Map.entry("tuesday", "09:00-18:00"),
                Map.entry("wednesday", ""),
                Map.entry("thursday", ""),
                Map.entry("friday", ""),
                Map.entry("saturday", ""),
                Map.entry("sunday", ""),
                Map.entry("italianHolidays", "true"),
                Map.entry("closedDays", closed),
                Map.entry("specialDays", "2027-12-24 09:00-12:00"));
    }
}
