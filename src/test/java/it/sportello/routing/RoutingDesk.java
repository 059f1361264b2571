package it.sportello.routing;

import static it.sportello.support.Api.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import it.sportello.support.Api;
import it.sportello.support.Desk;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Groups, routing settings, availability and tickets through the API, for the routing tests. */
final class RoutingDesk {

    static final Duration PATIENCE = Duration.ofSeconds(20);

    private final Api api;

    RoutingDesk(Api api) {
        this.api = api;
    }

    long group(Desk.Person... members) {
        Api.Reply created = api.post(
                "/api/v1/groups",
                Desk.ADMIN,
                object(
                        "name",
                        Api.unique("Gruppo"),
                        "members",
                        Arrays.stream(members).map(Desk.Person::id).toList()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    void route(long group, String strategy, Long... requiredSkills) {
        Api.Reply reply = api.sendJson(
                "PUT",
                "/api/v1/routing/groups/" + group,
                Desk.ADMIN,
                object("strategy", strategy, "requiredSkills", List.of(requiredSkills)));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    }

    void available(Desk.Person agent, int capacity, String... channels) {
        Api.Reply reply = api.sendJson(
                "PUT",
                "/api/v1/routing/agents/" + agent.id() + "/availability",
                agent.token(),
                object("availableOn", List.of(channels), "capacity", capacity));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    }

    void skills(Desk.Person agent, Object... skillIdsAndLevels) {
        List<Object> skills = new java.util.ArrayList<>();
        for (int i = 0; i < skillIdsAndLevels.length; i += 2) {
            skills.add(object("skillId", skillIdsAndLevels[i], "level", skillIdsAndLevels[i + 1]));
        }
        Api.Reply reply =
                api.sendJson("PUT", "/api/v1/routing/agents/" + agent.id(), Desk.ADMIN, object("skills", skills));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    }

    long skill(String kind, String code) {
        for (JsonNode skill : api.get("/api/v1/routing/skills", Desk.ADMIN).json()) {
            if (skill.get("kind").asString().equals(kind)
                    && skill.get("code").asString().equals(code)) {
                return skill.get("id").asLong();
            }
        }
        Api.Reply created =
                api.post("/api/v1/routing/skills", Desk.ADMIN, object("kind", kind, "code", code, "name", code));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    /** A ticket on e-mail for a new customer speaking {@code locale}, in the group. */
    long ticket(long group, String locale, String... tags) {
        return ticketOn("email", group, locale, tags);
    }

    long ticketOn(String channel, long group, String locale, String... tags) {
        Api.Reply reply = api.post(
                "/api/v1/tickets",
                Desk.ADMIN,
                object(
                        "subject",
                        Api.unique("Richiesta"),
                        "customer",
                        object("email", Api.unique("cliente") + "@example.it", "name", "Cliente", "locale", locale),
                        "message",
                        object("body", "Buongiorno, ho bisogno di aiuto."),
                        "channel",
                        channel,
                        "tags",
                        List.of(tags),
                        "groupId",
                        group));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json().get("id").asLong();
    }

    JsonNode ticket(long id) {
        Api.Reply reply = api.get("/api/v1/tickets/" + id, Desk.ADMIN);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }

    Long assigneeOf(long ticket) {
        JsonNode assignee = ticket(ticket).get("assignee");
        return assignee == null || assignee.isNull() ? null : assignee.get("id").asLong();
    }

    long awaitAssignee(long ticket) {
        return await().atMost(PATIENCE).until(() -> assigneeOf(ticket), a -> a != null);
    }

    /** Asserts the ticket stays unassigned for a while (events are handled after their commit, asynchronously). */
    void assertStaysWaiting(long ticket) {
        await().during(Duration.ofMillis(1500)).atMost(PATIENCE).until(() -> assigneeOf(ticket) == null);
    }

    void assign(long ticket, Long agent) {
        Api.Reply reply = api.patch("/api/v1/tickets/" + ticket, Desk.ADMIN, object("assigneeId", agent));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    }

    void status(long ticket, String status) {
        Api.Reply reply = api.patch("/api/v1/tickets/" + ticket, Desk.ADMIN, object("status", status));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    }
}
