package it.sportello.identity;

import static it.sportello.support.Api.object;
import static it.sportello.support.Desk.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.support.Api;
import it.sportello.support.ApiTestCase;
import it.sportello.support.AuditTrail;
import it.sportello.support.Desk;
import it.sportello.support.IntegrationTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The users API. The guard that keeps the last active admin is tested in {@link BootstrapTests},
 * on a desk of its own: this shared database may hold admins made by other tests.
 */
@IntegrationTest
class UserApiTests extends ApiTestCase {

    @Test
    void createsAUserAndShowsIt() {
        String email = Api.unique("Giovanna.Neri") + "@Sportello.Test";
        Api.Reply created = api.post(
                "/api/v1/users",
                ADMIN,
                object(
                        "email",
                        email,
                        "displayName",
                        "  Giovanna   Neri ",
                        "role",
                        "agent",
                        "locale",
                        "en",
                        "password",
                        "una-password-lunga"));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode user = created.json();
        long id = user.get("id").asLong();
        assertThat(created.header("Location")).isEqualTo("/api/v1/users/" + id);
        assertThat(user.get("email").asString()).isEqualTo(email.toLowerCase());
        assertThat(user.get("displayName").asString()).isEqualTo("Giovanna Neri");
        assertThat(user.get("role").asString()).isEqualTo("agent");
        assertThat(user.get("locale").asString()).isEqualTo("en");
        assertThat(user.get("active").asBoolean()).isTrue();
        assertThat(Instant.parse(user.get("createdAt").asString()))
                .isBefore(Instant.now().plusSeconds(1));

        Api.Reply fetched = api.get("/api/v1/users/" + id, ADMIN);
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.json()).isEqualTo(user);
    }

    @Test
    void speaksItalianToANewUserUnlessToldOtherwise() {
        JsonNode user =
                create(Api.unique("mario") + "@sportello.test", "customer").json();

        assertThat(user.get("locale").asString()).isEqualTo("it");
        assertThat(user.get("role").asString()).isEqualTo("customer");
    }

    @Test
    void findsUsersByPartOfTheirEmailAndByRole() {
        String marker = Api.unique("cerca");
        long agent = create("a." + marker + "@sportello.test", "agent")
                .json()
                .get("id")
                .asLong();
        long supervisor = create("b." + marker + "@sportello.test", "supervisor")
                .json()
                .get("id")
                .asLong();
        create(Api.unique("altro") + "@sportello.test", "agent");

        Api.Reply all = api.get("/api/v1/users?email=" + marker.toUpperCase(), ADMIN);
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.json().get("total").asLong()).isEqualTo(2);
        assertThat(ids(all.json())).containsExactly(agent, supervisor);

        Api.Reply agents = api.get("/api/v1/users?email=" + marker + "&role=agent", ADMIN);
        assertThat(ids(agents.json())).containsExactly(agent);
    }

    @Test
    void findsAUserByTheirExactEmail() {
        String email = Api.unique("esatto") + "@sportello.test";
        long id = create(email, "agent").json().get("id").asLong();

        Api.Reply found = api.get("/api/v1/users?exactEmail=" + email.toUpperCase(), ADMIN);
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.json().get("id").asLong()).isEqualTo(id);

        Api.Reply partial = api.get("/api/v1/users?exactEmail=" + email.substring(1), ADMIN);
        assertThat(partial.status()).isEqualTo(404);
        assertThat(partial.contentType()).startsWith("application/problem+json");
    }

    @Test
    void rejectsADuplicateEmail() {
        String email = Api.unique("doppio") + "@sportello.test";
        create(email, "agent");

        Api.Reply again = api.post(
                "/api/v1/users",
                ADMIN,
                object("email", email.toUpperCase(), "displayName", "Altro", "role", "customer"));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(again.json().get("detail").asString()).contains(email);
        assertThat(api.get("/api/v1/users?email=" + email, ADMIN)
                        .json()
                        .get("total")
                        .asLong())
                .isEqualTo(1);
    }

    @Test
    void rejectsTakingAnotherUsersEmailInAChange() {
        String taken = Api.unique("preso") + "@sportello.test";
        create(taken, "agent");
        long id = create(Api.unique("libero") + "@sportello.test", "agent")
                .json()
                .get("id")
                .asLong();

        Api.Reply changed = api.patch("/api/v1/users/" + id, ADMIN, object("email", taken));

        assertThat(changed.status()).isEqualTo(409);
        assertThat(changed.contentType()).startsWith("application/problem+json");
    }

    @Test
    void listsEveryInvalidField() {
        Api.Reply reply =
                api.post("/api/v1/users", ADMIN, object("email", "non-una-email", "displayName", " ", "locale", "it"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(fields(reply.json())).containsExactlyInAnyOrder("email", "displayName", "role");
    }

    @Test
    void rejectsAnUnknownRole() {
        Api.Reply reply = api.post(
                "/api/v1/users",
                ADMIN,
                object(
                        "email",
                        Api.unique("ruolo") + "@sportello.test",
                        "displayName",
                        "Ruolo Strano",
                        "role",
                        "superuser"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(fields(reply.json())).containsExactly("role");
        assertThat(reply.json().get("errors").get(0).get("message").asString())
                .contains("superuser")
                .contains("agent");
    }

    @Test
    void rejectsAnUnknownRoleInASearch() {
        Api.Reply reply = api.get("/api/v1/users?role=superuser", ADMIN);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(fields(reply.json())).containsExactly("role");
    }

    @Test
    void rejectsAShortPassword() {
        String email = Api.unique("corta") + "@sportello.test";
        Api.Reply reply = api.post(
                "/api/v1/users",
                ADMIN,
                object("email", email, "displayName", "Corta", "role", "agent", "password", "123456789"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(fields(reply.json())).containsExactly("password");
        assertThat(api.get("/api/v1/users?exactEmail=" + email, ADMIN).status()).isEqualTo(404);

        long id = create(email, "agent").json().get("id").asLong();
        Api.Reply change = api.patch("/api/v1/users/" + id, ADMIN, object("password", "breve"));
        assertThat(change.status()).isEqualTo(400);
        assertThat(fields(change.json())).containsExactly("password");
    }

    @Test
    void changesAUserAndAuditsTheRoleChange() {
        Instant since = Instant.now().minusSeconds(2);
        String email = Api.unique("promosso") + "@sportello.test";
        long id = create(email, "agent").json().get("id").asLong();

        Api.Reply changed = api.patch(
                "/api/v1/users/" + id,
                ADMIN,
                object("role", "supervisor", "displayName", "Capo Squadra", "locale", "en"));

        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().get("role").asString()).isEqualTo("supervisor");
        assertThat(changed.json().get("displayName").asString()).isEqualTo("Capo Squadra");
        assertThat(changed.json().get("locale").asString()).isEqualTo("en");
        assertThat(changed.json().get("email").asString()).isEqualTo(email);
        assertThat(api.get("/api/v1/users/" + id, ADMIN).json().get("role").asString())
                .isEqualTo("supervisor");

        List<JsonNode> audited = new AuditTrail(api)
                .entries("user.role_changed", since).stream()
                        .filter(e -> e.get("target").asString().equals("user:" + id + " " + email))
                        .toList();
        assertThat(audited).hasSize(1);
        assertThat(audited.getFirst().get("details").asString()).isEqualTo("agent -> supervisor");
        assertThat(audited.getFirst().get("actor").asString()).isEqualTo("admin@sportello.test");
    }

    @Test
    void aDeactivatedUserIsLockedOut() {
        Desk.Person agent = desk.agent();
        assertThat(api.get("/api/v1/users/" + agent.id(), agent.token()).status())
                .isEqualTo(200);

        Api.Reply deactivated = api.patch("/api/v1/users/" + agent.id(), ADMIN, object("active", false));

        assertThat(deactivated.status()).isEqualTo(200);
        assertThat(deactivated.json().get("active").asBoolean()).isFalse();
        assertThat(api.get("/api/v1/users/" + agent.id(), agent.token()).status())
                .isEqualTo(401);

        api.patch("/api/v1/users/" + agent.id(), ADMIN, object("active", true));
        assertThat(api.get("/api/v1/users/" + agent.id(), agent.token()).status())
                .isEqualTo(200);
    }

    @Test
    void demotesAnAdminWhileAnotherActiveAdminRemains() {
        long first = create(Api.unique("admin-uno") + "@sportello.test", "admin")
                .json()
                .get("id")
                .asLong();
        long second = create(Api.unique("admin-due") + "@sportello.test", "admin")
                .json()
                .get("id")
                .asLong();

        Api.Reply demoted = api.patch("/api/v1/users/" + first, ADMIN, object("role", "agent"));
        Api.Reply deactivated = api.patch("/api/v1/users/" + second, ADMIN, object("active", false));

        assertThat(demoted.status()).as(demoted.toString()).isEqualTo(200);
        assertThat(demoted.json().get("role").asString()).isEqualTo("agent");
        assertThat(deactivated.status()).as(deactivated.toString()).isEqualTo(200);
        assertThat(deactivated.json().get("active").asBoolean()).isFalse();
    }

    @Test
    void letsAnAgentReadUsersButNotChangeThem() {
        Desk.Person agent = desk.agent();

        assertThat(api.get("/api/v1/users?email=" + agent.email(), agent.token())
                        .json()
                        .get("total")
                        .asLong())
                .isEqualTo(1);
        assertThat(api.get("/api/v1/users/" + agent.id(), agent.token()).status())
                .isEqualTo(200);

        String email = Api.unique("vietato") + "@sportello.test";
        Api.Reply created =
                api.post("/api/v1/users", agent.token(), object("email", email, "displayName", "X", "role", "admin"));
        Api.Reply promoted = api.patch("/api/v1/users/" + agent.id(), agent.token(), object("role", "admin"));

        assertThat(created.status()).isEqualTo(403);
        assertThat(created.contentType()).startsWith("application/problem+json");
        assertThat(promoted.status()).isEqualTo(403);
        assertThat(api.get("/api/v1/users?exactEmail=" + email, ADMIN).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/users/" + agent.id(), ADMIN)
                        .json()
                        .get("role")
                        .asString())
                .isEqualTo("agent");
    }

    @Test
    void refusesTheUserListToACustomer() {
        Desk.Person customer = desk.customer();

        Api.Reply reply = api.get("/api/v1/users", customer.token());

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(api.get("/api/v1/users/" + customer.id(), customer.token()).status())
                .isEqualTo(403);
    }

    @Test
    void requiresAToken() {
        Api.Reply reply = api.get("/api/v1/users", null);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(api.post("/api/v1/users", null, object("email", "x@y.it")).status())
                .isEqualTo(401);
    }

    @Test
    void neverShowsThePasswordHash() {
        String email = Api.unique("segreto") + "@sportello.test";
        Api.Reply created = create(email, "agent");
        long id = created.json().get("id").asLong();
        List<Api.Reply> replies = new ArrayList<>();
        replies.add(created);
        replies.add(api.get("/api/v1/users/" + id, ADMIN));
        replies.add(api.get("/api/v1/users?email=" + email, ADMIN));
        replies.add(api.get("/api/v1/users?exactEmail=" + email, ADMIN));
        replies.add(api.patch("/api/v1/users/" + id, ADMIN, object("password", "un-altra-password-lunga")));

        for (Api.Reply reply : replies) {
            assertThat(reply.status()).as(reply.toString()).isBetween(200, 201);
            assertThat(reply.body())
                    .as(reply.toString())
                    .doesNotContainIgnoringCase("password")
                    .doesNotContain("{bcrypt}")
                    .doesNotContain("$2a$");
        }
        assertThat(api.get("/api/v1/users?email=" + email, ADMIN)
                        .json()
                        .get("items")
                        .get(0)
                        .propertyNames())
                .containsExactlyInAnyOrder(
                        "id", "email", "displayName", "role", "locale", "active", "createdAt", "updatedAt");
    }

    private Api.Reply create(String email, String role) {
        Api.Reply reply = api.post(
                "/api/v1/users",
                ADMIN,
                object("email", email, "displayName", "Utente " + role, "role", role, "password", "password-di-prova"));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply;
    }

    private static List<Long> ids(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("id").asLong()));
        return ids;
    }

    static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        JsonNode errors = problem.get("errors");
        assertThat(errors).as(problem.toString()).isNotNull();
        errors.forEach(error -> fields.add(error.get("field").asString()));
        return fields;
    }
}
