package it.sportello.demo;

import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.support.Api;
import it.sportello.support.Browser;
import it.sportello.support.Launch;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The demo desk a newcomer gets with SPORTELLO_DEMO=true, on a file database of its own (H2 only). */
class DemoDataTests {

    private static final String TOKEN = "sp_demo-data-tests-token-0123456789";

    @TempDir
    Path dataDir;

    Launch.Running app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void seedsATeamWithCustomersAndTicketsInBothLanguages() {
        app = start();
        Api api = app.api();

        JsonNode groups = get(api, "/api/v1/groups");
        assertThat(names(groups, "name")).containsExactlyInAnyOrder("Assistenza clienti", "Fatturazione e resi");
        groups.forEach(group -> assertThat(group.get("members")).hasSizeGreaterThanOrEqualTo(2));
        assertThat(get(api, "/api/v1/users?role=agent").get("total").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(get(api, "/api/v1/users?role=supervisor").get("total").asLong())
                .isGreaterThanOrEqualTo(1);

        JsonNode customers = get(api, "/api/v1/customers?size=100");
        assertThat(customers.get("total").asLong()).isGreaterThanOrEqualTo(5);
        Set<String> locales = new HashSet<>(names(customers.get("items"), "locale"));
        assertThat(locales).containsExactlyInAnyOrder("it", "en");
        JsonNode anna = get(api, "/api/v1/customers?exactEmail=anna.conti@example.it");
        assertThat(anna.get("phones").get(0).asString()).isEqualTo("+390515550101");

        JsonNode tickets = get(api, "/api/v1/tickets?size=100");
        List<JsonNode> items = new ArrayList<>();
        tickets.get("items").forEach(items::add);
        assertThat(items).hasSizeGreaterThanOrEqualTo(6);
        assertThat(new HashSet<>(names(tickets.get("items"), "channel"))).hasSizeGreaterThanOrEqualTo(4);
        assertThat(new HashSet<>(names(tickets.get("items"), "status"))).hasSizeGreaterThanOrEqualTo(4);
        assertThat(names(tickets.get("items"), "subject"))
                .contains("Consegna in ritardo del divano Milano", "Do you ship to Germany?");
        assertThat(api.get("/api/v1/knowledge/search?q=rimborsi&locale=it", null)
                        .body())
                .as("the help center answers in Italian")
                .contains("rimborso-tempi");
        assertThat(api.get("/api/v1/knowledge/search?q=refunds&locale=en", null).body())
                .as("and in English")
                .contains("rimborso-tempi");
    }

    @Test
    void letsTheDemoStaffSignIn() {
        app = start();
        Browser browser = app.browser();

        assertThat(browser.redirectTarget(browser.signIn("giulia.rossi@bottegaverde.example", DemoData.PASSWORD)))
                .isEqualTo("/");
        assertThat(browser.redirectTarget(browser.get("/"))).isEqualTo("/inbox");
        assertThat(browser.get("/inbox").body()).contains("Giulia Rossi");
    }

    @Test
    void seedsNothingTwiceWhenStartedAgain() {
        app = start();
        List<Long> first = counts(app.api());
        app.close();
        app = null;

        app = start();

        List<Long> second = counts(app.api());
        assertThat(first.getLast()).as("tickets were seeded").isPositive();
        assertThat(second).isEqualTo(first);
    }

    private Launch.Running start() {
        return Launch.start(
                null,
                dataDir,
                "sportello.demo=true",
                "sportello.admin.email=admin@bottegaverde.example",
                "sportello.admin.password=una-password-demo",
                "sportello.api-token=" + TOKEN);
    }

    /** Users, groups, customers, tickets. */
    private static List<Long> counts(Api api) {
        return List.of(
                get(api, "/api/v1/users").get("total").asLong(),
                (long) get(api, "/api/v1/groups").size(),
                get(api, "/api/v1/customers").get("total").asLong(),
                get(api, "/api/v1/tickets").get("total").asLong());
    }

    private static JsonNode get(Api api, String path) {
        Api.Reply reply = api.get(path, TOKEN);
        assertThat(reply.status()).as(path + ": " + reply).isEqualTo(200);
        return reply.json();
    }

    private static List<String> names(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(item -> values.add(item.get(field).asString()));
        return values;
    }
}
