package it.sportello.identity;

import static it.sportello.support.Api.object;
import static it.sportello.support.Desk.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.support.Api;
import it.sportello.support.ApiTestCase;
import it.sportello.support.AuditTrail;
import it.sportello.support.Browser;
import it.sportello.support.Desk;
import it.sportello.support.IntegrationTest;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The admin pages over HTTP, as a browser without a screen submits them: users, groups, API
 * tokens and the audit log, each action checked in the API afterwards and in the audit log, and
 * who may open them at all. The last-admin guard needs a desk with one admin: {@link AdminLastAdminTests}.
 */
@IntegrationTest
class AdminPagesTests extends ApiTestCase {

    private static final String ADMIN_EMAIL = "admin@sportello.test";
    private static final Pattern SECRET =
            Pattern.compile("id=\"secret\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*id=\"secret\"");

    Browser admin;
    AuditTrail audit;
    Instant since;

    @BeforeEach
    void signInAsAdmin() {
        since = Instant.now().minusSeconds(2);
        audit = new AuditTrail(api);
        admin = new Browser(port);
        assertThat(admin.redirectTarget(admin.signIn(ADMIN_EMAIL, "admin-password-for-tests")))
                .isEqualTo("/");
    }

    // Users

    @Test
    void createsAUserWhoCanThenSignIn() {
        String email = Api.unique("nuova.operatrice") + "@sportello.test";

        HttpResponse<String> created = submit(
                admin,
                "/admin/users/new",
                "/admin/users",
                "email",
                email,
                "displayName",
                "Nuova Operatrice",
                "role",
                "AGENT",
                "locale",
                "EN",
                "password",
                "una-password-iniziale");

        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        JsonNode user = userByEmail(email);
        assertThat(admin.redirectTarget(created))
                .isEqualTo("/admin/users/" + user.get("id").asLong());
        assertThat(user.get("displayName").asString()).isEqualTo("Nuova Operatrice");
        assertThat(user.get("role").asString()).isEqualTo("agent");
        assertThat(user.get("locale").asString()).isEqualTo("en");
        HttpResponse<String> page = admin.get(admin.redirectTarget(created));
        assertThat(page.body()).contains("Utente creato: " + email).contains("role=\"status\"");
        assertThat(admin.get(admin.redirectTarget(created)).body())
                .as("the confirmation is shown once")
                .doesNotContain("Utente creato");

        Browser newcomer = new Browser(port);
        assertThat(newcomer.redirectTarget(newcomer.signIn(email, "una-password-iniziale")))
                .isEqualTo("/");
        assertThat(newcomer.get("/inbox").statusCode()).isEqualTo(200);

        JsonNode entry = only(
                audit.entries("user.created", since), "user:" + user.get("id").asLong() + " ");
        assertThat(entry.get("actor").asString()).isEqualTo(ADMIN_EMAIL);
        assertThat(entry.get("details").asString()).isEqualTo("role=agent");
        assertThat(adminRequests("POST /admin/users")).contains("status=302");
    }

    @Test
    void keepsTheInputAndExplainsADuplicateEmailBesideTheField() {
        Desk.Person existing = desk.agent();

        HttpResponse<String> refused = submit(
                admin,
                "/admin/users/new",
                "/admin/users",
                "email",
                existing.email().toUpperCase(),
                "displayName",
                "Omonimo Gemello",
                "role",
                "SUPERVISOR",
                "locale",
                "IT",
                "password",
                "una-password-iniziale");

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body())
                .contains("Esiste già un utente con questa e-mail.")
                .contains("id=\"email-error\"")
                .containsPattern("id=\"email\"[^>]*aria-invalid=\"true\"|aria-invalid=\"true\"[^>]*id=\"email\"")
                .containsPattern("aria-describedby=\"email-error\"")
                .contains("value=\"" + existing.email().toUpperCase() + "\"")
                .contains("value=\"Omonimo Gemello\"")
                .containsPattern("<option value=\"SUPERVISOR\" selected=\"selected\"")
                .as("a password is never sent back")
                .doesNotContain("una-password-iniziale");
        assertThat(userByEmail(existing.email()).get("displayName").asString()).isEqualTo("Test agent");
        assertThat(audit.entries("user.created", since))
                .as("only the API's creation, none from the refused form")
                .filteredOn(e -> e.get("target").asString().endsWith(" " + existing.email()))
                .hasSize(1);
    }

    @Test
    void refusesAShortPasswordAndAnEmptyNameWithoutCreatingAnything() {
        String email = Api.unique("corta") + "@sportello.test";

        HttpResponse<String> refused = submit(
                admin,
                "/admin/users/new",
                "/admin/users",
                "email",
                email,
                "displayName",
                " ",
                "role",
                "AGENT",
                "locale",
                "IT",
                "password",
                "corta");

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body())
                .contains("Non è stato salvato nulla")
                .contains("La password deve avere almeno " + UserManagement.MIN_PASSWORD_LENGTH + " caratteri.")
                .contains("id=\"password-error\"")
                .contains("id=\"displayName-error\"")
                .contains("Campo obbligatorio.")
                .contains("value=\"" + email + "\"");
        assertThat(api.get("/api/v1/users?exactEmail=" + email, ADMIN).status()).isEqualTo(404);
    }

    @Test
    void showsFormErrorsInEnglishToo() {
        admin.get("/admin/users?lang=en");

        HttpResponse<String> refused = submit(
                admin,
                "/admin/users/new",
                "/admin/users",
                "email",
                "not-an-address",
                "displayName",
                "Someone",
                "role",
                "AGENT",
                "locale",
                "EN",
                "password",
                "short");

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body())
                .contains("This does not look like a valid e-mail address.")
                .contains("The password must be at least " + UserManagement.MIN_PASSWORD_LENGTH + " characters long.")
                .doesNotContain("Campo obbligatorio");
    }

    @Test
    void changesARoleAndKeepsTheRest() {
        Desk.Person agent = desk.agent();

        HttpResponse<String> saved = saveUser(agent, "Promossa Supervisora", "SUPERVISOR", "EN", "true", "");

        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        assertThat(admin.redirectTarget(saved)).isEqualTo("/admin/users/" + agent.id());
        assertThat(admin.get("/admin/users/" + agent.id()).body()).contains("Modifiche salvate: " + agent.email());
        JsonNode user = api.get("/api/v1/users/" + agent.id(), ADMIN).json();
        assertThat(user.get("role").asString()).isEqualTo("supervisor");
        assertThat(user.get("displayName").asString()).isEqualTo("Promossa Supervisora");
        assertThat(user.get("locale").asString()).isEqualTo("en");
        assertThat(user.get("active").asBoolean()).isTrue();
        assertThat(new Browser(port).signIn(agent.email(), agent.password()).statusCode())
                .as("an empty new password keeps the old one")
                .isEqualTo(302);

        JsonNode entry = only(audit.entries("user.role_changed", since), "user:" + agent.id() + " ");
        assertThat(entry.get("details").asString()).isEqualTo("agent -> supervisor");
        assertThat(entry.get("actor").asString()).isEqualTo(ADMIN_EMAIL);
        assertThat(adminRequests("POST /admin/users/" + agent.id())).containsExactly("status=302");
    }

    @Test
    void deactivatesAUserWhoThenCanNeitherSignInNorUseTheirToken() {
        Desk.Person agent = desk.agent();
        assertThat(api.get("/api/v1/users/" + agent.id(), agent.token()).status())
                .isEqualTo(200);

        HttpResponse<String> saved = saveUser(agent, "Test agent", "AGENT", "IT", "false", "");

        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        assertThat(api.get("/api/v1/users/" + agent.id(), ADMIN)
                        .json()
                        .get("active")
                        .asBoolean())
                .isFalse();
        assertThat(api.get("/api/v1/users/" + agent.id(), agent.token()).status())
                .isEqualTo(401);
        Browser former = new Browser(port);
        assertThat(former.redirectTarget(former.signIn(agent.email(), agent.password())))
                .isEqualTo("/login?error");
        assertThat(admin.get("/admin/users?q=" + agent.email()).body())
                .contains("Disattivato")
                .contains(agent.email());
        assertThat(only(audit.entries("user.deactivated", since), "user:" + agent.id() + " ")
                        .get("actor")
                        .asString())
                .isEqualTo(ADMIN_EMAIL);
    }

    @Test
    void resetsAPasswordWithTheApisRule() {
        Desk.Person agent = desk.agent();

        HttpResponse<String> tooShort = saveUser(agent, "Test agent", "AGENT", "IT", "true", "breve");

        assertThat(tooShort.statusCode()).isEqualTo(422);
        assertThat(tooShort.body()).contains("id=\"newPassword-error\"").doesNotContain("value=\"breve\"");
        assertThat(saveUser(agent, "Test agent", "AGENT", "IT", "true", "la-nuova-password-lunga")
                        .statusCode())
                .isEqualTo(302);
        Browser browser = new Browser(port);
        assertThat(browser.redirectTarget(browser.signIn(agent.email(), "la-nuova-password-lunga")))
                .isEqualTo("/");
        assertThat(only(audit.entries("user.password_changed", since), "user:" + agent.id() + " "))
                .isNotNull();
    }

    @Test
    void findsUsersByPartOfTheirNameOrEmailAndByRole() {
        String marker = Api.unique("ricerca");
        long agent = createUser(marker + ".a@sportello.test", "Anna Ricercata", "agent");
        long supervisor = createUser(Api.unique("x") + "@sportello.test", "Bruno " + marker, "supervisor");

        String byText = admin.get("/admin/users?q=" + marker.toUpperCase()).body();
        String bySupervisors =
                admin.get("/admin/users?q=" + marker + "&role=supervisor").body();

        assertThat(byText).contains("/admin/users/" + agent).contains("/admin/users/" + supervisor);
        assertThat(bySupervisors)
                .contains("/admin/users/" + supervisor)
                .doesNotContain("/admin/users/" + agent + "\"")
                .contains("Pagina 1 di 1 · 1 risultato");
        assertThat(admin.get("/admin/users?q=nessuno-si-chiama-cosi-" + marker).body())
                .contains("Nessun utente corrisponde alla ricerca.");
    }

    @Test
    void pagesThroughUsersKeepingTheFilter() {
        String marker = Api.unique("pagine");
        for (int i = 0; i < 27; i++) {
            createUser(marker + "-" + i + "@sportello.test", "Persona " + i, "customer");
        }

        String first = admin.get("/admin/users?q=" + marker).body();
        String second = admin.get("/admin/users?q=" + marker + "&page=2").body();

        assertThat(first)
                .contains("Pagina 1 di 2 · 27 risultati")
                .contains("href=\"/admin/users?q=" + marker + "&amp;page=2\"");
        assertThat(second).contains("Pagina 2 di 2 · 27 risultati").contains("href=\"/admin/users?q=" + marker + "\"");
        assertThat(Pattern.compile("href=\"/admin/users/\\d+\"")
                        .matcher(second)
                        .results()
                        .count())
                .isEqualTo(2);
    }

    @Test
    void answersAnHtmxSearchWithTheResultsOnly() {
        HttpResponse<String> partial = admin.get("/admin/users?q=admin", Map.of("HX-Request", "true"));

        assertThat(partial.statusCode()).isEqualTo(200);
        assertThat(partial.body().strip()).startsWith("<section id=\"user-results\"");
        assertThat(partial.body()).contains(ADMIN_EMAIL).doesNotContain("<html");
        assertThat(partial.headers().allValues("Vary"))
                .anySatisfy(v -> assertThat(v).contains("HX-Request"));
    }

    @Test
    void showsTheUserPagesInEnglishOnRequest() {
        String list = admin.get("/admin/users?lang=en").body();

        assertThat(list).contains("<html lang=\"en\">").contains("New user").contains("Search by e-mail or name");
        assertThat(admin.get("/admin/users/new").body())
                .contains("Initial password")
                .contains("Create user");
    }

    @Test
    void answersAnUnknownUserWithTheNotFoundPage() {
        HttpResponse<String> missing = admin.get("/admin/users/999999999");

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("La pagina che cerchi non esiste.").contains("Registro attività");
        assertThat(admin.get("/admin/tokens/999999999/revoke").statusCode()).isEqualTo(404);
        assertThat(admin.get("/admin/groups/999999999").statusCode()).isEqualTo(404);
    }

    // Groups

    @Test
    void createsAGroupAndChangesItsMembers() {
        Desk.Person first = desk.agent();
        Desk.Person second = desk.supervisor();
        String name = Api.unique("Fatturazione");

        HttpResponse<String> created = submit(
                admin,
                "/admin/groups/new",
                "/admin/groups",
                List.of(
                        "name",
                        name,
                        "description",
                        "Domande su fatture e pagamenti",
                        "members",
                        String.valueOf(first.id()),
                        "members",
                        String.valueOf(second.id())));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        assertThat(admin.redirectTarget(created)).isEqualTo("/admin/groups");
        assertThat(admin.get("/admin/groups").body())
                .contains("Gruppo creato: " + name)
                .contains("2 membri");
        JsonNode group = groupByName(name);
        assertThat(ids(group.get("members"))).containsExactlyInAnyOrder(first.id(), second.id());
        String editPath = "/admin/groups/" + group.get("id").asLong();
        assertThat(admin.get(editPath).body())
                .containsPattern("id=\"member-" + first.id() + "\"[^>]*checked")
                .contains("Domande su fatture e pagamenti");

        HttpResponse<String> changed = submit(
                admin,
                editPath,
                editPath,
                List.of("name", name + " e resi", "description", "", "members", String.valueOf(second.id())));

        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(302);
        JsonNode after = groupByName(name + " e resi");
        assertThat(ids(after.get("members"))).containsExactly(second.id());
        assertThat(only(
                                audit.entries("group.created", since),
                                "group:" + group.get("id").asLong())
                        .get("actor")
                        .asString())
                .isEqualTo(ADMIN_EMAIL);
        assertThat(only(
                                audit.entries("group.updated", since),
                                "group:" + group.get("id").asLong())
                        .get("details")
                        .asString())
                .isEqualTo(name + " e resi");
        assertThat(adminRequests("POST " + editPath)).containsExactly("status=302");
    }

    @Test
    void refusesADuplicateGroupNameKeepingTheTickedMembers() {
        Desk.Person agent = desk.agent();
        String name = Api.unique("Resi");
        api.post("/api/v1/groups", ADMIN, object("name", name));

        HttpResponse<String> refused = submit(
                admin,
                "/admin/groups/new",
                "/admin/groups",
                List.of("name", name, "description", "Seconda", "members", String.valueOf(agent.id())));

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body())
                .contains("Esiste già un gruppo con questo nome.")
                .contains("id=\"name-error\"")
                .containsPattern("id=\"member-" + agent.id() + "\"[^>]*checked")
                .contains("Seconda");
        assertThat(ids(groupByName(name).get("members"))).isEmpty();
    }

    @Test
    void letsAnAdminUntickAMemberWhoWasDeactivated() {
        Desk.Person leaving = desk.agent();
        Desk.Person staying = desk.agent();
        String name = Api.unique("Turno serale");
        long id = api.post(
                        "/api/v1/groups", ADMIN, object("name", name, "members", List.of(leaving.id(), staying.id())))
                .json()
                .get("id")
                .asLong();
        api.patch("/api/v1/users/" + leaving.id(), ADMIN, object("active", false));
        String path = "/admin/groups/" + id;
        assertThat(admin.get(path).body()).containsPattern("id=\"member-" + leaving.id() + "\"[^>]*checked");

        HttpResponse<String> keptInactive = submit(
                admin,
                path,
                path,
                List.of(
                        "name",
                        name,
                        "members",
                        String.valueOf(leaving.id()),
                        "members",
                        String.valueOf(staying.id())));
        HttpResponse<String> untickedInactive =
                submit(admin, path, path, List.of("name", name, "members", String.valueOf(staying.id())));

        assertThat(keptInactive.statusCode()).isEqualTo(422);
        assertThat(keptInactive.body()).contains("id=\"members-error\"").contains("disattivato");
        assertThat(untickedInactive.statusCode()).isEqualTo(302);
        assertThat(ids(groupByName(name).get("members"))).containsExactly(staying.id());
    }

    // Tokens

    @Test
    void showsANewTokenOnceAndItWorksUntilRevoked() {
        Desk.Person agent = desk.agent();
        String name = Api.unique("Gestionale");

        HttpResponse<String> created = submit(
                admin,
                "/admin/tokens/new",
                "/admin/tokens",
                "name",
                name,
                "owner",
                agent.email().toUpperCase());

        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        String resultPath = admin.redirectTarget(created);
        assertThat(resultPath).matches("/admin/tokens/\\d+/created");
        long tokenId = Long.parseLong(resultPath.split("/")[3]);
        String result = admin.get(resultPath).body();
        String secret = secret(result);
        assertThat(result)
                .contains("Token creato: " + name)
                .contains("non lo mostreremo più")
                .contains("Copia");
        assertThat(api.get("/api/v1/users/" + agent.id(), secret).status()).isEqualTo(200);

        String again = admin.get(resultPath).body();
        assertThat(again).doesNotContain(secret).contains("non è più visibile");
        String list = admin.get("/admin/tokens").body();
        assertThat(list).doesNotContain(secret).contains(name).contains(secret.substring(0, 8) + "…");
        JsonNode createdEntry = only(audit.entries("token.created", since), "token:" + tokenId);
        assertThat(createdEntry.get("actor").asString()).isEqualTo(ADMIN_EMAIL);
        assertThat(createdEntry.get("details").asString())
                .contains(agent.email())
                .contains(name);

        HttpResponse<String> confirmation = admin.get("/admin/tokens/" + tokenId + "/revoke");
        assertThat(confirmation.statusCode()).isEqualTo(200);
        assertThat(confirmation.body())
                .contains("Revocare il token?")
                .contains(name)
                .contains("Sì, revoca il token");
        assertThat(api.get("/api/v1/users/" + agent.id(), secret).status())
                .as("opening the confirmation revokes nothing")
                .isEqualTo(200);

        HttpResponse<String> revoked =
                submit(admin, "/admin/tokens/" + tokenId + "/revoke", "/admin/tokens/" + tokenId + "/revoke");

        assertThat(revoked.statusCode()).isEqualTo(302);
        assertThat(admin.redirectTarget(revoked)).isEqualTo("/admin/tokens");
        assertThat(admin.get("/admin/tokens").body()).contains("Token revocato: " + name);
        assertThat(api.get("/api/v1/users/" + agent.id(), secret).status()).isEqualTo(401);
        assertThat(only(audit.entries("token.revoked", since), "token:" + tokenId)
                        .get("actor")
                        .asString())
                .isEqualTo(ADMIN_EMAIL);
        assertThat(adminRequests("POST /admin/tokens/" + tokenId + "/revoke")).containsExactly("status=302");
    }

    @Test
    void refusesATokenForNobodyOrADeactivatedUser() {
        Desk.Person gone = desk.agent();
        api.patch("/api/v1/users/" + gone.id(), ADMIN, object("active", false));

        HttpResponse<String> unknown = submit(
                admin, "/admin/tokens/new", "/admin/tokens", "name", "Per nessuno", "owner", "nessuno@example.it");
        HttpResponse<String> inactive = submit(
                admin, "/admin/tokens/new", "/admin/tokens", "name", "Per chi se ne è andato", "owner", gone.email());
        HttpResponse<String> unnamed =
                submit(admin, "/admin/tokens/new", "/admin/tokens", "name", "", "owner", ADMIN_EMAIL);

        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(unknown.body())
                .contains("Nessun utente attivo con questa e-mail.")
                .contains("id=\"owner-error\"")
                .contains("value=\"Per nessuno\"");
        assertThat(inactive.statusCode()).isEqualTo(422);
        assertThat(unnamed.statusCode()).isEqualTo(422);
        assertThat(unnamed.body()).contains("id=\"name-error\"");
        assertThat(audit.entries("token.created", since))
                .noneMatch(e -> e.get("details").asString().contains("Per nessuno")
                        || e.get("details").asString().contains("Per chi se ne è andato"));
    }

    @Test
    void offersToCreateATokenForTheUserBeingViewed() {
        Desk.Person agent = desk.agent();

        String page = admin.get("/admin/users/" + agent.id()).body();
        String form = admin.get("/admin/tokens/new?owner=" + URLEncoder.encode(agent.email(), StandardCharsets.UTF_8))
                .body();

        assertThat(page).contains("/admin/tokens/new?owner=");
        assertThat(form).contains("value=\"" + agent.email() + "\"");
        assertThat(admin.get("/admin/tokens/new").body()).contains("value=\"" + ADMIN_EMAIL + "\"");
    }

    // Audit log

    @Test
    void showsTheAuditLogNewestFirstAndFiltersIt() {
        Desk.Person agent = desk.agent();
        saveUser(agent, "Primo Nome", "AGENT", "IT", "true", "");
        saveUser(agent, "Secondo Nome", "SUPERVISOR", "IT", "true", "");

        String log =
                admin.get("/admin/audit?actor=" + ADMIN_EMAIL + "&action=user.").body();
        String roleChanges = admin.get("/admin/audit?action=user.role_changed").body();
        String today = LocalDate.now(java.time.ZoneId.of("Europe/Rome")).toString();
        String todayOnly = admin.get("/admin/audit?action=user.role_changed&from=" + today + "&to=" + today)
                .body();
        String tomorrowOn = admin.get("/admin/audit?action=user.role_changed&from="
                        + LocalDate.parse(today).plusDays(1))
                .body();

        assertThat(log).contains("Registro attività").contains("user:" + agent.id() + " " + agent.email());
        assertThat(log.indexOf("Ruolo cambiato"))
                .as("the newest change comes first")
                .isLessThan(log.indexOf("Utente modificato"));
        assertThat(log).doesNotContain("Token creato</span>").containsPattern("<time datetime=\"[^\"]+Z\"");
        assertThat(roleChanges).contains("agent -&gt; supervisor").doesNotContain("Utente modificato</span>");
        assertThat(todayOnly).contains("user:" + agent.id() + " ");
        assertThat(tomorrowOn)
                .doesNotContain("user:" + agent.id() + " ")
                .contains("Nessuna attività corrisponde ai filtri.");
    }

    @Test
    void explainsAPeriodThatEndsBeforeItStarts() {
        HttpResponse<String> refused = admin.get("/admin/audit?from=2026-03-10&to=2026-03-01");
        HttpResponse<String> unreadable = admin.get("/admin/audit?from=ieri");

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body())
                .contains("La data finale viene prima di quella iniziale.")
                .contains("id=\"to-error\"")
                .contains("value=\"2026-03-10\"");
        assertThat(unreadable.statusCode()).isEqualTo(422);
        assertThat(unreadable.body()).contains("id=\"from-error\"").contains("Data non valida.");
    }

    // Who may open the admin pages

    @Test
    void showsStaffWhoAreNotAdminsTheForbiddenPage() {
        for (Desk.Person person : List.of(desk.agent(), desk.supervisor())) {
            Browser browser = new Browser(port);
            browser.signIn(person.email(), person.password());
            for (String path :
                    List.of("/admin/users", "/admin/users/new", "/admin/groups", "/admin/tokens", "/admin/audit")) {
                HttpResponse<String> page = browser.get(path);
                assertThat(page.statusCode()).as(person.email() + " " + path).isEqualTo(403);
                assertThat(page.body()).contains("Non hai i permessi per questa pagina.");
            }
            String csrf = Browser.csrfToken(browser.get("/inbox").body());
            String email = Api.unique("intruso") + "@sportello.test";
            HttpResponse<String> post = browser.post(
                    "/admin/users",
                    Browser.form(
                            "_csrf",
                            csrf,
                            "email",
                            email,
                            "displayName",
                            "Intruso",
                            "role",
                            "ADMIN",
                            "locale",
                            "IT",
                            "password",
                            "una-password-lunga"));
            assertThat(post.statusCode()).isEqualTo(403);
            assertThat(api.get("/api/v1/users?exactEmail=" + email, ADMIN).status())
                    .isEqualTo(404);
        }
    }

    @Test
    void showsACustomerTheForbiddenPage() {
        Desk.Person customer = desk.customer();
        Browser browser = new Browser(port);
        browser.signIn(customer.email(), customer.password());

        HttpResponse<String> page = browser.get("/admin/users");

        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body()).contains("Non hai i permessi per questa pagina.");
        assertThat(browser.get("/admin/tokens/new").statusCode()).isEqualTo(403);
    }

    @Test
    void sendsAnAnonymousVisitorToTheSignInPage() {
        Browser anonymous = new Browser(port);

        for (String path : List.of("/admin/users", "/admin/groups", "/admin/tokens", "/admin/audit")) {
            HttpResponse<String> page = anonymous.get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(302);
            assertThat(anonymous.redirectTarget(page)).isEqualTo("/login");
        }
    }

    // Helpers

    private HttpResponse<String> saveUser(
            Desk.Person person, String name, String role, String locale, String active, String newPassword) {
        String path = "/admin/users/" + person.id();
        return submit(
                admin,
                path,
                path,
                "email",
                person.email(),
                "displayName",
                name,
                "role",
                role,
                "locale",
                locale,
                "active",
                active,
                "newPassword",
                newPassword);
    }

    /** Opens the page with the form (for its CSRF token), then submits the fields to {@code action}. */
    private static HttpResponse<String> submit(Browser browser, String page, String action, String... fields) {
        return submit(browser, page, action, List.of(fields));
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

    private long createUser(String email, String name, String role) {
        Api.Reply created = api.post(
                "/api/v1/users",
                ADMIN,
                object("email", email, "displayName", name, "role", role, "password", "una-password-lunga"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    private JsonNode userByEmail(String email) {
        Api.Reply reply = api.get("/api/v1/users?exactEmail=" + encode(email), ADMIN);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }

    private JsonNode groupByName(String name) {
        for (JsonNode group : api.get("/api/v1/groups", ADMIN).json()) {
            if (group.get("name").asString().equals(name)) {
                return group;
            }
        }
        throw new AssertionError("No group named " + name);
    }

    private static List<Long> ids(JsonNode array) {
        List<Long> ids = new ArrayList<>();
        array.forEach(node -> ids.add(node.asLong()));
        return ids;
    }

    /** The single entry whose target starts with {@code targetPrefix} (the prefix ends where an id does). */
    private static JsonNode only(List<JsonNode> entries, String targetPrefix) {
        List<JsonNode> matching = entries.stream()
                .filter(e -> e.get("target").asString().equals(targetPrefix.strip())
                        || e.get("target").asString().startsWith(targetPrefix))
                .toList();
        assertThat(matching).as("audit entries for " + targetPrefix).hasSize(1);
        return matching.getFirst();
    }

    /** The outcomes ("status=302") of the admin's page requests to this method and path. */
    private List<String> adminRequests(String methodAndPath) {
        return audit.entries("admin.request", since).stream()
                .filter(e -> e.get("target").asString().equals(methodAndPath))
                .filter(e -> e.get("actor").asString().equals(ADMIN_EMAIL))
                .map(e -> e.get("details").asString())
                .toList();
    }

    private static String secret(String page) {
        Matcher matcher = SECRET.matcher(page);
        assertThat(matcher.find()).as("the page shows the secret:\n" + page).isTrue();
        return matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
    }
}
