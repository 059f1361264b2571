package it.sportello.routing;

import static it.sportello.support.Browser.form;
import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.support.Api;
import it.sportello.support.ApiTestCase;
import it.sportello.support.Browser;
import it.sportello.support.Desk;
import it.sportello.support.IntegrationTest;
import it.sportello.support.SlaDueTimes;
import it.sportello.ticket.TicketManagement;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The queues page and the routing settings pages over HTTP, as a browser without a screen submits them. */
@IntegrationTest
class RoutingPagesTests extends ApiTestCase {

    @Autowired
    TicketManagement tickets;

    RoutingDesk routing;

    @BeforeEach
    void routingDesk() {
        routing = new RoutingDesk(api);
    }

    @Test
    void queuesPageShowsMyGroupsWaitingTicketsMostUrgentFirst() {
        Desk.Person agent = desk.agent();
        long group = routing.group(agent);
        long later = routing.ticket(group, "it");
        long overdue = routing.ticket(group, "it");
        SlaDueTimes.set(tickets, later, Instant.now().plus(Duration.ofMinutes(90)));
        SlaDueTimes.set(tickets, overdue, Instant.now().minus(Duration.ofMinutes(30)));
        Browser browser = signedIn(agent);

        HttpResponse<String> page = browser.get("/queues");

        assertThat(page.statusCode()).isEqualTo(200);
        String html = page.body();
        assertThat(html).contains("Prendi il prossimo").contains("2 in attesa").contains("La mia disponibilità");
        assertThat(html.indexOf("/tickets/" + overdue)).isPositive().isLessThan(html.indexOf("/tickets/" + later));
        assertThat(html).containsPattern("due-overdue\">scaduto da (30|31|32|33|34) min");
        assertThat(html).containsPattern("scade tra 1 h (2[5-9]|30) min");

        HttpResponse<String> taken = browser.post("/queues/next", form("_csrf", Browser.csrfToken(html)));
        assertThat(taken.statusCode()).isEqualTo(302);
        assertThat(browser.redirectTarget(taken)).isEqualTo("/tickets/" + overdue);
        assertThat(routing.assigneeOf(overdue)).isEqualTo(agent.id());
    }

    @Test
    void anAgentSetsTheirOwnAvailabilityAndABadCapacityIsExplainedWritingNothing() {
        Desk.Person agent = desk.agent();
        Browser browser = signedIn(agent);
        String first = browser.get("/queues").body();
        assertThat(first).contains("Ticket aperti assegnati a te: 0 su un massimo di 20.");
        String csrf = Browser.csrfToken(first);

        HttpResponse<String> refused = browser.post(
                "/queues/availability",
                List.of(Map.entry("availableOn", "EMAIL"), Map.entry("capacity", "tanti"), Map.entry("_csrf", csrf)),
                Map.of());
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Scrivi un numero da 1 a 200.").contains("value=\"tanti\"");
        assertThat(profile(agent).get("availableOn")).isEmpty();

        HttpResponse<String> saved = browser.post(
                "/queues/availability",
                List.of(
                        Map.entry("availableOn", "EMAIL"),
                        Map.entry("availableOn", "PHONE"),
                        Map.entry("capacity", "8"),
                        Map.entry("_csrf", csrf)),
                Map.of());
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(browser.get("/queues").body())
                .contains("Disponibilità salvata.")
                .contains("su un massimo di 8.");
        JsonNode profile = profile(agent);
        assertThat(profile.get("capacity").asInt()).isEqualTo(8);
        assertThat(profile.get("availableOn").toString()).contains("email").contains("phone");
    }

    @Test
    void onlyStaffSeeQueuesAndOnlySupervisorsTheRoutingSettings() {
        Desk.Person agent = desk.agent();
        Desk.Person supervisor = desk.supervisor();

        assertThat(new Browser(port).get("/queues").statusCode()).isEqualTo(302);
        Browser agentBrowser = signedIn(agent);
        assertThat(agentBrowser.get("/admin/routing").statusCode()).isEqualTo(403);
        assertThat(agentBrowser.get("/queues?all=true").statusCode()).isEqualTo(403);
        Browser supervisorBrowser = signedIn(supervisor);
        HttpResponse<String> settings = supervisorBrowser.get("/admin/routing");
        assertThat(settings.statusCode()).isEqualTo(200);
        assertThat(settings.body())
                .contains("Smistamento")
                .contains("Competenze")
                .contains("Operatori");
        assertThat(supervisorBrowser.get("/queues?all=true").statusCode()).isEqualTo(200);
    }

    @Test
    void aSupervisorSetsAGroupsStrategyAndAStaleFormIsAConflict() {
        Desk.Person agent = desk.agent();
        long group = routing.group(agent);
        long italian = routing.skill("language", "it");
        Browser supervisor = signedIn(desk.supervisor());
        String form = supervisor.get("/admin/routing/groups/" + group).body();
        String csrf = Browser.csrfToken(form);

        HttpResponse<String> saved = supervisor.post(
                "/admin/routing/groups/" + group,
                List.of(
                        Map.entry("strategy", "least_loaded"),
                        Map.entry("requiredSkills", String.valueOf(italian)),
                        Map.entry("version", "0"),
                        Map.entry("_csrf", csrf)),
                Map.of());
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        JsonNode now = api.get("/api/v1/routing/groups/" + group, Desk.ADMIN).json();
        assertThat(now.get("strategy").asString()).isEqualTo("least_loaded");
        assertThat(now.get("requiredSkills").toString()).isEqualTo("[" + italian + "]");

        HttpResponse<String> stale = supervisor.post(
                "/admin/routing/groups/" + group,
                List.of(Map.entry("strategy", "round_robin"), Map.entry("version", "0"), Map.entry("_csrf", csrf)),
                Map.of());
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("Qualcun altro ha salvato queste impostazioni nel frattempo");
        assertThat(api.get("/api/v1/routing/groups/" + group, Desk.ADMIN)
                        .json()
                        .get("strategy")
                        .asString())
                .isEqualTo("least_loaded");
    }

    @Test
    void aSupervisorGivesAnAgentSkillsAndAddsAProductToTheCatalogue() {
        Desk.Person agent = desk.agent();
        long english = routing.skill("language", "en");
        Browser supervisor = signedIn(desk.supervisor());
        String csrf = Browser.csrfToken(
                supervisor.get("/admin/routing/agents/" + agent.id()).body());

        List<Map.Entry<String, String>> fields = new ArrayList<>(List.of(
                Map.entry("availableOn", "WEB"),
                Map.entry("capacity", "12"),
                Map.entry("skills", english + ":3"),
                Map.entry("skills", ""),
                Map.entry("version", "0"),
                Map.entry("_csrf", csrf)));
        HttpResponse<String> saved = supervisor.post("/admin/routing/agents/" + agent.id(), fields, Map.of());
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        JsonNode profile = profile(agent);
        assertThat(profile.get("capacity").asInt()).isEqualTo(12);
        assertThat(profile.get("skills").toString()).isEqualTo("[{\"skillId\":" + english + ",\"level\":3}]");

        HttpResponse<String> badCode = supervisor.post(
                "/admin/routing/skills",
                List.of(
                        Map.entry("kind", "language"),
                        Map.entry("code", "klingon"),
                        Map.entry("name", "Klingon"),
                        Map.entry("_csrf", csrf)),
                Map.of());
        assertThat(badCode.statusCode()).isEqualTo(422);
        assertThat(badCode.body()).contains("Codice non valido");

        String product = Api.unique("spedizioni");
        HttpResponse<String> added = supervisor.post(
                "/admin/routing/skills",
                List.of(
                        Map.entry("kind", "product"),
                        Map.entry("code", product),
                        Map.entry("name", "Spedizioni"),
                        Map.entry("_csrf", csrf)),
                Map.of());
        assertThat(added.statusCode()).isEqualTo(302);
        assertThat(api.get("/api/v1/routing/skills", agent.token()).body()).contains(product);
    }

    private JsonNode profile(Desk.Person agent) {
        return api.get("/api/v1/routing/agents/" + agent.id(), Desk.ADMIN).json();
    }

    private Browser signedIn(Desk.Person person) {
        Browser browser = new Browser(port);
        assertThat(browser.redirectTarget(browser.signIn(person.email(), person.password())))
                .isEqualTo("/");
        return browser;
    }
}
