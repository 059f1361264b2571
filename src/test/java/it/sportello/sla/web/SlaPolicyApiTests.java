package it.sportello.sla.web;

import static it.sportello.support.Api.object;
import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.support.Api;
import it.sportello.support.ApiTestCase;
import it.sportello.support.AuditTrail;
import it.sportello.support.Desk;
import it.sportello.support.IntegrationTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The policies over the API: who may read and change them, what is refused and why, what the audit log keeps. */
@IntegrationTest
class SlaPolicyApiTests extends ApiTestCase {

    private static final String POLICIES = "/api/v1/sla/policies";

    private Map<String, Object> policy(String name) {
        return object(
                "name",
                name,
                "tags",
                List.of(Api.unique("vip")),
                "priorities",
                List.of("high", "urgent"),
                "calendarId",
                1,
                "firstResponseMinutes",
                60,
                "resolutionMinutes",
                540,
                "pauseOn",
                List.of("pending"),
                "warningPercent",
                75,
                "escalations",
                List.of(object(
                        "target",
                        "first_response",
                        "moment",
                        "breach",
                        "action",
                        "raise_priority",
                        "priority",
                        "urgent")));
    }

    @Test
    void theOutOfTheBoxPoliciesAreChatThenTheStandardCatchAll() {
        JsonNode list = api.get(POLICIES, desk.agent().token()).json();
        List<String> names = new ArrayList<>();
        list.forEach(p -> names.add(p.get("name").asString()));

        assertThat(names).contains("Chat").last().isEqualTo("Standard");
        JsonNode standard = list.get(list.size() - 1);
        assertThat(standard.get("catchAll").asBoolean()).isTrue();
        assertThat(standard.get("firstResponseMinutes").asInt()).isEqualTo(480);
        assertThat(standard.get("resolutionMinutes").asInt()).isEqualTo(27 * 60);
        assertThat(standard.get("pauseOn").toString()).isEqualTo("[\"pending\",\"on_hold\"]");
        JsonNode chat = api.get(POLICIES + "/1", Desk.ADMIN).json();
        assertThat(chat.get("channels").toString()).isEqualTo("[\"chat\"]");
        assertThat(chat.get("calendarId").asLong()).isEqualTo(2);
        assertThat(chat.get("firstResponseMinutes").asInt()).isEqualTo(2);
    }

    @Test
    void aSupervisorCreatesChangesMovesAndDeletesAPolicyAndEachChangeIsAudited() {
        Instant since = Instant.now().minusSeconds(1);
        Desk.Person supervisor = desk.supervisor();
        String name = Api.unique("Clienti VIP");

        Api.Reply created = api.post(POLICIES, supervisor.token(), policy(name));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode body = created.json();
        long id = body.get("id").asLong();
        assertThat(created.header("Location")).endsWith(POLICIES + "/" + id);
        assertThat(body.get("escalations").get(0).get("action").asString()).isEqualTo("raise_priority");
        assertThat(body.get("catchAll").asBoolean()).isFalse();
        JsonNode all = api.get(POLICIES, supervisor.token()).json();
        assertThat(all.get(all.size() - 2).get("id").asLong())
                .as("just before the catch-all")
                .isEqualTo(id);

        Map<String, Object> changed = policy(name + " (oro)");
        changed.put("version", body.get("version").asLong());
        Api.Reply updated = api.sendJson("PUT", POLICIES + "/" + id, supervisor.token(), changed);
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json().get("name").asString()).isEqualTo(name + " (oro)");

        Api.Reply moved = api.post(POLICIES + "/" + id + "/move?direction=up", supervisor.token(), Map.of());
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        List<Long> order = new ArrayList<>();
        moved.json().forEach(p -> order.add(p.get("id").asLong()));
        assertThat(order.indexOf(id)).isEqualTo(order.size() - 3);

        assertThat(api.delete(POLICIES + "/" + id, supervisor.token()).status()).isEqualTo(204);
        assertThat(api.get(POLICIES + "/" + id, supervisor.token()).status()).isEqualTo(404);

        AuditTrail audit = new AuditTrail(api);
        for (String action :
                List.of("sla.policy.create", "sla.policy.update", "sla.policy.move", "sla.policy.delete")) {
            assertThat(audit.entries(action, since))
                    .as(action)
                    .anySatisfy(e -> assertThat(e.get("target").asString()).isEqualTo("policy:" + id));
        }
    }

    @Test
    void aStaleSaveIsAConflictAndChangesNothing() {
        String name = Api.unique("Rivenditori");
        JsonNode created = api.post(POLICIES, Desk.ADMIN, policy(name)).json();
        long id = created.get("id").asLong();
        Map<String, Object> first = policy(name + " 1");
        first.put("version", created.get("version").asLong());
        assertThat(api.sendJson("PUT", POLICIES + "/" + id, Desk.ADMIN, first).status())
                .isEqualTo(200);

        Map<String, Object> stale = policy(name + " 2");
        stale.put("version", created.get("version").asLong());
        Api.Reply refused = api.sendJson("PUT", POLICIES + "/" + id, Desk.ADMIN, stale);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(api.get(POLICIES + "/" + id, Desk.ADMIN).json().get("name").asString())
                .isEqualTo(name + " 1");
    }

    @Test
    void theCatchAllCannotBeDeletedNorGivenConditions() {
        JsonNode all = api.get(POLICIES, Desk.ADMIN).json();
        JsonNode standard = all.get(all.size() - 1);
        long id = standard.get("id").asLong();

        assertThat(api.delete(POLICIES + "/" + id, Desk.ADMIN).status()).isEqualTo(409);
        Map<String, Object> narrowed = object(
                "name", standard.get("name").asString(),
                "channels", List.of("email"),
                "firstResponseMinutes", 480);
        Api.Reply refused = api.sendJson("PUT", POLICIES + "/" + id, Desk.ADMIN, narrowed);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.body()).contains("conditions");
        assertThat(api.get(POLICIES + "/" + id, Desk.ADMIN).json().get("channels"))
                .isEmpty();
    }

    @Test
    void badPoliciesAreRefusedFieldByFieldAndNothingIsWritten() {
        int before = api.get(POLICIES, Desk.ADMIN).json().size();
        Map<String, Object> bad = object(
                "name",
                "  ",
                "calendarId",
                999_999,
                "warningPercent",
                150,
                "pauseOn",
                List.of("open"),
                "tags",
                List.of("non valido!"),
                "escalations",
                List.of(object("target", "resolution", "moment", "breach", "action", "reassign")));

        Api.Reply refused = api.post(POLICIES, Desk.ADMIN, bad);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        List<String> fields = new ArrayList<>();
        refused.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).as(refused.body()).contains("name");
        Map<String, Object> noName = new java.util.HashMap<>(bad);
        noName.put("name", Api.unique("Senza obiettivi"));
        Api.Reply fieldByField = api.post(POLICIES, Desk.ADMIN, noName);
        List<String> all = new ArrayList<>();
        fieldByField.json().get("errors").forEach(e -> all.add(e.get("field").asString()));
        assertThat(all)
                .containsExactlyInAnyOrder(
                        "calendarId",
                        "targets",
                        "pauseOn",
                        "warningPercent",
                        "tags",
                        "escalations[0].target",
                        "escalations[0].groupId");
        assertThat(api.post(POLICIES, Desk.ADMIN, object("name", "x", "channels", List.of("fax")))
                        .status())
                .isEqualTo(400);
        assertThat(api.get(POLICIES, Desk.ADMIN).json().size()).isEqualTo(before);
    }

    @Test
    void agentsReadCustomersAndStrangersDoNot() {
        Desk.Person agent = desk.agent();
        assertThat(api.get(POLICIES, agent.token()).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/sla/calendars", agent.token()).status()).isEqualTo(200);
        assertThat(api.post(POLICIES, agent.token(), policy(Api.unique("Agente")))
                        .status())
                .isEqualTo(403);
        assertThat(api.delete(POLICIES + "/1", agent.token()).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/sla/calendars/1/default", agent.token(), Map.of())
                        .status())
                .isEqualTo(403);
        assertThat(api.get(POLICIES, desk.customer().token()).status()).isEqualTo(403);
        assertThat(api.get(POLICIES, null).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/sla/calendars", null).status()).isEqualTo(401);
    }
}
