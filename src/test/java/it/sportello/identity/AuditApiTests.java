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
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class AuditApiTests extends ApiTestCase {

    AuditTrail audit;
    Instant since;

    @BeforeEach
    void setUp() {
        audit = new AuditTrail(api);
        since = Instant.now().minusSeconds(2);
    }

    @Test
    void recordsASuccessfulSignIn() {
        Desk.Person agent = desk.agent();

        new Browser(port).signIn(agent.email(), "password-for-agent");

        List<JsonNode> entries = byActor(audit.entries("login.succeeded", since), agent.email());
        assertThat(entries).hasSize(1);
        assertThat(entries.getFirst().get("actorId").asLong()).isEqualTo(agent.id());
        assertThat(entries.getFirst().get("target").asString()).isEqualTo("user:" + agent.id());
        assertThat(entries.getFirst().get("remoteAddress").asString()).isNotBlank();
    }

    @Test
    void recordsAFailedSignIn() {
        Desk.Person agent = desk.agent();

        new Browser(port).signIn(agent.email(), "not-the-password");

        List<JsonNode> entries = byActor(audit.entries("login.failed", since), agent.email());
        assertThat(entries).hasSize(1);
        assertThat(entries.getFirst().get("details").asString()).isEqualTo("BadCredentialsException");
        assertThat(byActor(audit.entries("login.succeeded", since), agent.email()))
                .isEmpty();
    }

    @Test
    void recordsTheCreationOfAToken() {
        Desk.Person customer = desk.customer();
        String name = Api.unique("token-per-audit");

        long id = api.post("/api/v1/tokens", ADMIN, object("name", name, "userId", customer.id()))
                .json()
                .get("id")
                .asLong();

        List<JsonNode> entries = audit.entries("token.created", since).stream()
                .filter(e -> e.get("target").asString().equals("token:" + id))
                .toList();
        assertThat(entries).hasSize(1);
        assertThat(entries.getFirst().get("details").asString())
                .contains(customer.email())
                .contains(name);
        assertThat(entries.getFirst().get("actor").asString()).isEqualTo("admin@sportello.test");
    }

    @Test
    void recordsARoleChange() {
        Desk.Person agent = desk.agent();

        api.patch("/api/v1/users/" + agent.id(), ADMIN, object("role", "supervisor"));

        List<JsonNode> entries = audit.entries("user.role_changed", since).stream()
                .filter(e -> e.get("target").asString().startsWith("user:" + agent.id() + " "))
                .toList();
        assertThat(entries).hasSize(1);
        assertThat(entries.getFirst().get("details").asString()).isEqualTo("agent -> supervisor");
    }

    @Test
    void recordsEveryChangeAnAdminAsksForWithItsOutcome() {
        Desk.Person agent = desk.agent();

        api.patch("/api/v1/users/" + agent.id(), ADMIN, object("displayName", "Nome Nuovo"));
        api.patch("/api/v1/users/" + agent.id(), ADMIN, object("displayName", ""));
        api.post("/api/v1/groups", ADMIN, object("name", Api.unique("Squadra")));

        List<JsonNode> entries = audit.entries("admin.request", since);
        assertThat(entries.stream()
                        .filter(e -> e.get("target").asString().equals("PATCH /api/v1/users/" + agent.id()))
                        .map(e -> e.get("details").asString()))
                .containsExactlyInAnyOrder("status=200", "status=400");
        assertThat(entries.stream()
                        .filter(e -> e.get("target").asString().equals("POST /api/v1/groups"))
                        .map(e -> e.get("details").asString()))
                .contains("status=201");
        assertThat(entries)
                .allSatisfy(e -> assertThat(e.get("actor").asString()).isEqualTo("admin@sportello.test"));
    }

    @Test
    void doesNotCountReadsOrOtherRolesAsAdminRequests() {
        Desk.Person supervisor = desk.supervisor();

        api.get("/api/v1/users/" + supervisor.id(), ADMIN);
        Api.Reply created = api.post(
                "/api/v1/customers",
                supervisor.token(),
                object("emails", List.of(Api.unique("cliente") + "@example.it")));

        assertThat(created.status()).isEqualTo(201);
        List<JsonNode> entries = audit.entries("admin.request", since);
        assertThat(entries).noneMatch(e -> e.get("target").asString().startsWith("GET "));
        assertThat(byActor(entries, supervisor.email())).isEmpty();
    }

    @Test
    void filtersByActionAndShowsTheNewestFirst() {
        Desk.Person agent = desk.agent();
        api.patch("/api/v1/users/" + agent.id(), ADMIN, object("displayName", "Primo"));
        api.patch("/api/v1/users/" + agent.id(), ADMIN, object("displayName", "Secondo"));

        List<JsonNode> entries = audit.entries("user.updated", since);

        assertThat(entries)
                .allSatisfy(e -> assertThat(e.get("action").asString()).isEqualTo("user.updated"));
        List<Instant> times = entries.stream()
                .map(e -> Instant.parse(e.get("occurredAt").asString()))
                .toList();
        assertThat(times).isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThat(times).allSatisfy(t -> assertThat(t).isAfterOrEqualTo(since));
        assertThat(entries.stream().filter(e -> e.get("target").asString().startsWith("user:" + agent.id() + " ")))
                .hasSize(2);
    }

    @Test
    void isForAdminsOnly() {
        for (String token : new String[] {
            desk.agent().token(), desk.supervisor().token(), desk.customer().token()
        }) {
            Api.Reply reply = api.get("/api/v1/audit", token);
            assertThat(reply.status()).isEqualTo(403);
            assertThat(reply.contentType()).startsWith("application/problem+json");
        }
        assertThat(api.get("/api/v1/audit", null).status()).isEqualTo(401);
    }

    private static List<JsonNode> byActor(List<JsonNode> entries, String actor) {
        return entries.stream()
                .filter(e -> e.get("actor").asString().equals(actor))
                .toList();
    }
}
