package it.sportello.routing;

import static it.sportello.support.Api.object;
import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.support.Api;
import it.sportello.support.ApiTestCase;
import it.sportello.support.AuditTrail;
import it.sportello.support.Desk;
import it.sportello.support.IntegrationTest;
import java.time.Instant;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The routing API: who may do what, bad input named field by field and writing nothing, stale saves, the audit log. */
@IntegrationTest
class RoutingApiTests extends ApiTestCase {

    RoutingDesk routing;
    AuditTrail audit;
    Instant since;

    @BeforeEach
    void routingDesk() {
        routing = new RoutingDesk(api);
        audit = new AuditTrail(api);
        since = Instant.now().minusSeconds(2);
    }

    @Test
    void refusesCallersWithoutATokenOrTheRole() {
        Desk.Person agent = desk.agent();
        Desk.Person colleague = desk.agent();
        Desk.Person customer = desk.customer();
        long group = routing.group(agent);

        assertThat(api.get("/api/v1/routing/skills", null).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/routing/skills", customer.token()).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/routing/queues", customer.token()).status()).isEqualTo(403);
        assertThat(put("/api/v1/routing/groups/" + group, agent.token(), object("strategy", "round_robin"))
                        .status())
                .isEqualTo(403);
        assertThat(api.post(
                                "/api/v1/routing/skills",
                                agent.token(),
                                object("kind", "product", "code", "resi", "name", "Resi"))
                        .status())
                .isEqualTo(403);
        assertThat(put("/api/v1/routing/agents/" + agent.id(), agent.token(), object("capacity", 5))
                        .status())
                .as("an agent's profile (skills included) is for supervisors")
                .isEqualTo(403);
        Api.Reply others = put(
                "/api/v1/routing/agents/" + colleague.id() + "/availability",
                agent.token(),
                object("availableOn", List.of("email"), "capacity", 5));
        assertThat(others.status()).as(others.toString()).isEqualTo(403);
        assertThat(others.contentType()).startsWith("application/problem+json");
        assertThat(api.get("/api/v1/routing/agents/" + colleague.id(), Desk.ADMIN)
                        .json()
                        .get("availableOn"))
                .as("nothing written")
                .isEmpty();

        Api.Reply own = put(
                "/api/v1/routing/agents/" + agent.id() + "/availability",
                agent.token(),
                object("availableOn", List.of("email", "phone"), "capacity", 7));
        assertThat(own.status()).as(own.toString()).isEqualTo(200);
        assertThat(own.json().get("availableOn").values().stream()
                        .map(JsonNode::asString)
                        .toList())
                .containsExactly("email", "phone");
        assertThat(own.json().get("capacity").asInt()).isEqualTo(7);

        Desk.Person supervisor = desk.supervisor();
        Api.Reply bySupervisor = put(
                "/api/v1/routing/agents/" + colleague.id() + "/availability",
                supervisor.token(),
                object("availableOn", List.of("web")));
        assertThat(bySupervisor.status()).as(bySupervisor.toString()).isEqualTo(200);
    }

    @Test
    void namesEveryBadFieldAndWritesNothing() {
        Desk.Person agent = desk.agent();
        long group = routing.group(agent);

        assertThat(fields(put("/api/v1/routing/groups/" + group, Desk.ADMIN, object("strategy", "fastest"))))
                .containsExactly("strategy");
        assertThat(fields(put(
                        "/api/v1/routing/groups/" + group,
                        Desk.ADMIN,
                        object("strategy", "round_robin", "requiredSkills", List.of(987654321L)))))
                .containsExactly("requiredSkills");
        assertThat(fields(put(
                        "/api/v1/routing/agents/" + agent.id() + "/availability",
                        agent.token(),
                        object("availableOn", List.of("chat"), "capacity", 0))))
                .containsExactlyInAnyOrder("availableOn", "capacity");
        assertThat(fields(put(
                        "/api/v1/routing/agents/" + agent.id(),
                        Desk.ADMIN,
                        object("skills", List.of(object("skillId", routing.skill("language", "it"), "level", 4))))))
                .containsExactly("skills");
        assertThat(fields(api.post(
                        "/api/v1/routing/skills",
                        Desk.ADMIN,
                        object("kind", "language", "code", "italiano", "name", ""))))
                .containsExactlyInAnyOrder("code", "name");
        assertThat(fields(api.post(
                        "/api/v1/routing/skills", Desk.ADMIN, object("kind", "colour", "code", "x", "name", "x"))))
                .containsExactly("kind");

        JsonNode groupNow =
                api.get("/api/v1/routing/groups/" + group, Desk.ADMIN).json();
        assertThat(groupNow.get("strategy").asString()).isEqualTo("manual");
        assertThat(groupNow.get("requiredSkills")).isEmpty();
        JsonNode agentNow =
                api.get("/api/v1/routing/agents/" + agent.id(), Desk.ADMIN).json();
        assertThat(agentNow.get("capacity").asInt()).isEqualTo(20);
        assertThat(agentNow.get("skills")).isEmpty();
        assertThat(audit.entries("routing.group.updated", since))
                .noneMatch(e -> e.get("target").asString().equals("group:" + group));
    }

    @Test
    void aSkillIsAddedOnceRenamedAndRemovedFromEveryoneWhoHadIt() {
        String code = Api.unique("Fatturazione Elettronica");
        Api.Reply added = api.post(
                "/api/v1/routing/skills", Desk.ADMIN, object("kind", "product", "code", code, "name", "Fatture <b>"));
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        long id = added.json().get("id").asLong();
        assertThat(added.json().get("code").asString())
                .as("written as a ticket tag")
                .isEqualTo(code.toLowerCase().replace(' ', '-'));
        assertThat(api.post(
                                "/api/v1/routing/skills",
                                Desk.ADMIN,
                                object("kind", "product", "code", code.toUpperCase(), "name", "Doppione"))
                        .status())
                .isEqualTo(409);
        Desk.Person agent = desk.agent();
        routing.skills(agent, id, 2);
        long group = routing.group(agent);
        routing.route(group, "skill_based", id);

        assertThat(api.patch("/api/v1/routing/skills/" + id, Desk.ADMIN, object("name", "Fatture elettroniche"))
                        .json()
                        .get("name")
                        .asString())
                .isEqualTo("Fatture elettroniche");
        assertThat(api.delete("/api/v1/routing/skills/" + id, Desk.ADMIN).status())
                .isEqualTo(204);

        assertThat(api.get("/api/v1/routing/agents/" + agent.id(), Desk.ADMIN)
                        .json()
                        .get("skills"))
                .isEmpty();
        assertThat(api.get("/api/v1/routing/groups/" + group, Desk.ADMIN).json().get("requiredSkills"))
                .isEmpty();
        for (String action : List.of("routing.skill.created", "routing.skill.renamed", "routing.skill.removed")) {
            assertThat(audit.entries(action, since))
                    .as(action)
                    .anyMatch(e -> e.get("target").asString().equals("skill:" + id));
        }
    }

    @Test
    void aStaleSaveIsAConflictAndEveryChangeIsAudited() {
        Desk.Person agent = desk.agent();
        long group = routing.group(agent);
        long version = api.get("/api/v1/routing/groups/" + group, Desk.ADMIN)
                .json()
                .get("version")
                .asLong();
        Desk.Person supervisor = desk.supervisor();

        Api.Reply first = put(
                "/api/v1/routing/groups/" + group,
                supervisor.token(),
                object("strategy", "least_loaded", "version", version));
        Api.Reply stale = put(
                "/api/v1/routing/groups/" + group, Desk.ADMIN, object("strategy", "round_robin", "version", version));

        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(stale.status()).as(stale.toString()).isEqualTo(409);
        assertThat(api.get("/api/v1/routing/groups/" + group, Desk.ADMIN)
                        .json()
                        .get("strategy")
                        .asString())
                .isEqualTo("least_loaded");
        JsonNode entry = audit.entries("routing.group.updated", since).stream()
                .filter(e -> e.get("target").asString().equals("group:" + group))
                .findFirst()
                .orElseThrow();
        assertThat(entry.get("actor").asString()).isEqualTo(supervisor.email());
        assertThat(entry.get("details").asString()).contains("strategy=least_loaded");

        routing.available(agent, 3, "email");
        assertThat(audit.entries("routing.agent.updated", since)).anySatisfy(e -> {
            assertThat(e.get("target").asString()).isEqualTo("user:" + agent.id());
            assertThat(e.get("actor").asString()).isEqualTo(agent.email());
            assertThat(e.get("details").asString()).contains("capacity=3").contains("email");
        });
    }

    private Api.Reply put(String path, String token, Object body) {
        return api.sendJson("PUT", path, token, body);
    }

    private static List<String> fields(Api.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        return StreamSupport.stream(reply.json().get("errors").spliterator(), false)
                .map(e -> e.get("field").asString())
                .toList();
    }
}
