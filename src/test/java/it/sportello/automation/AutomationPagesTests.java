package it.sportello.automation;

import static it.sportello.support.Browser.form;
import static it.sportello.support.Desk.ADMIN;
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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The automations page over HTTP: who may open it, the lists in Italian and English, a form that
 * comes back with the error beside each field and writes nothing, a stale save refused, deletion
 * after a confirmation, and a macro applied from the ticket page.
 */
@IntegrationTest
class AutomationPagesTests extends ApiTestCase {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void supervisorsAndAdminsOpenThePageAgentsMayNot() {
        Browser supervisor = signedIn(desk.supervisor());
        HttpResponse<String> page = supervisor.get("/admin/automations");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("Automazioni", "Trigger", "Regole temporali", "Macro", "Conferme di ricezione")
                .contains("Promemoria: in attesa da 5 giorni", "in attesa da 120 ore", "Richiesta di dettagli")
                .contains("href=\"/admin/automations/acknowledgements/email\"");
        assertThat(supervisor.get("/admin/automations?lang=en").body())
                .contains("Automations", "Time rules", "Acknowledgements", "pending for 120 hours");
        assertThat(supervisor.get("/admin/users").statusCode())
                .as("the rest of the admin area stays the admins'")
                .isEqualTo(403);

        assertThat(signedIn(desk.agent()).get("/admin/automations").statusCode())
                .isEqualTo(403);
        assertThat(signedIn(desk.agent()).get("/admin/automations/triggers/new").statusCode())
                .isEqualTo(403);
        HttpResponse<String> stranger = new Browser(port).get("/admin/automations");
        assertThat(stranger.statusCode()).isEqualTo(302);
    }

    @Test
    void aTriggerFormComesBackWithTheErrorsBesideTheFieldsAndWritesNothing() {
        Browser supervisor = signedIn(desk.supervisor());
        String csrf = Browser.csrfToken(
                supervisor.get("/admin/automations/triggers/new").body());
        int before = jdbc.queryForObject("select count(*) from automation_trigger", Integer.class);

        HttpResponse<String> refused = supervisor.post(
                "/admin/automations/triggers",
                fieldsOf(
                        "_csrf", csrf,
                        "name", "",
                        "event", "ticket_created",
                        "active", "true",
                        "matchAny", "false",
                        "conditions[0].kind", "",
                        "conditions[1].kind", "channel_is",
                        "conditions[1].value", "piccione",
                        "actions[0].type", "",
                        "actions[2].type", "webhook",
                        "actions[2].url", "ftp://example.com",
                        "actions[2].secret", "corto"),
                Map.of());

        assertThat(refused.statusCode()).isEqualTo(422);
        String html = refused.body();
        assertThat(html).contains("Non è stato salvato nulla");
        assertThat(html).contains("id=\"name-error\"", "Scrivi un nome");
        assertThat(html).contains("id=\"conditions[1].value-error\"", "Valore mancante o non valido per questa riga.");
        assertThat(html).contains("id=\"actions[2].url-error\"", "Scrivi un indirizzo http o https.");
        assertThat(html).contains("id=\"actions[2].secret-error\"", "almeno 16 caratteri");
        assertThat(html).as("what was typed comes back").contains("value=\"piccione\"", "value=\"ftp://example.com\"");
        assertThat(jdbc.queryForObject("select count(*) from automation_trigger", Integer.class))
                .isEqualTo(before);
    }

    @Test
    void aTriggerIsCreatedEditedWithAStaleVersionRefusedAndDeletedAfterAConfirmation() {
        Instant since = Instant.now().minusSeconds(1);
        Browser supervisor = signedIn(desk.supervisor());
        String csrf = Browser.csrfToken(
                supervisor.get("/admin/automations/triggers/new").body());
        String name = Api.unique("Dalla pagina");

        HttpResponse<String> created = supervisor.post(
                "/admin/automations/triggers",
                fieldsOf(
                        "_csrf", csrf,
                        "name", name,
                        "event", "customer_replied",
                        "active", "true",
                        "matchAny", "false",
                        "conditions[0].kind", "text_contains",
                        "conditions[0].value", name,
                        "actions[1].type", "add_tags",
                        "actions[1].value", "dalla-pagina"),
                Map.of());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        assertThat(supervisor.redirectTarget(created)).startsWith("/admin/automations");
        long id = jdbc.queryForObject("select id from automation_trigger where name = ?", Long.class, name);
        assertThat(supervisor.get("/admin/automations").body()).contains(name, "Trigger salvato.");
        String edit = supervisor.get("/admin/automations/triggers/" + id).body();
        assertThat(edit).contains("value=\"" + name + "\"", "value=\"dalla-pagina\"");

        HttpResponse<String> stale = supervisor.post(
                "/admin/automations/triggers/" + id,
                fieldsOf(
                        "_csrf", csrf,
                        "name", name + " bis",
                        "event", "customer_replied",
                        "version", "99",
                        "actions[0].type", "add_tags",
                        "actions[0].value", "altro"),
                Map.of());
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("Qualcun altro ha modificato questa regola");

        HttpResponse<String> confirm = supervisor.get("/admin/automations/triggers/" + id + "/delete");
        assertThat(confirm.body()).contains("Eliminare «" + name + "»?", "Elimina definitivamente");
        HttpResponse<String> deleted = supervisor.post(
                "/admin/automations/triggers/" + id + "/delete",
                form("_csrf", Browser.csrfToken(confirm.body()), "version", "0"));
        assertThat(deleted.statusCode()).isEqualTo(302);
        assertThat(jdbc.queryForObject("select count(*) from automation_trigger where id = ?", Integer.class, id))
                .isZero();
        AuditTrail audit = new AuditTrail(api);
        assertThat(audit.entries("automation.trigger.created", since))
                .anySatisfy(e -> assertThat(e.get("target").asString()).isEqualTo("trigger:" + id));
        assertThat(audit.entries("automation.trigger.deleted", since))
                .anySatisfy(e -> assertThat(e.get("target").asString()).isEqualTo("trigger:" + id));
    }

    @Test
    void anAgentAppliesAMacroFromTheTicketPage() {
        Desk.Person agentPerson = desk.agent();
        Browser agent = signedIn(agentPerson);
        long ticketId = desk.ticket(Api.unique("Pacco rotto")).get("id").asLong();
        long macroId =
                jdbc.queryForObject("select id from automation_macro where name = 'Richiesta di dettagli'", Long.class);

        String ticketPage = agent.get("/tickets/" + ticketId).body();
        assertThat(ticketPage).contains("hx-get=\"/tickets/" + ticketId + "/macros\"", "/js/macros.js");
        String picker = agent.get("/tickets/" + ticketId + "/macros").body();
        assertThat(picker).contains("Scegli una macro", "Richiesta di dettagli", "value=\"" + macroId + "\"");

        HttpResponse<String> applied = agent.post(
                "/tickets/" + ticketId + "/macros/" + macroId,
                List.of(Map.entry("_csrf", Browser.csrfToken(ticketPage))),
                Map.of("Accept", "application/json"));

        assertThat(applied.statusCode()).as(applied.body()).isEqualTo(200);
        assertThat(applied.body())
                .contains("\"statusAfter\":\"pending\"")
                .contains("Ciao Cliente di prova,")
                .contains("Macro «Richiesta di dettagli» applicata");
        assertThat(api.get("/api/v1/tickets/" + ticketId, ADMIN)
                        .json()
                        .get("tags")
                        .toString())
                .contains("in-attesa-dettagli");
        assertThat(api.get("/api/v1/tickets/" + ticketId, ADMIN)
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("new");
    }

    private static List<Map.Entry<String, String>> fieldsOf(String... namesAndValues) {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.add(Map.entry(namesAndValues[i], namesAndValues[i + 1]));
        }
        return fields;
    }

    private Browser signedIn(Desk.Person person) {
        Browser browser = new Browser(port);
        HttpResponse<String> signIn = browser.signIn(person.email(), person.password());
        assertThat(signIn.statusCode()).as("signed in").isEqualTo(302);
        return browser;
    }
}
