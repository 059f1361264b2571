package it.sportello.automation;

import static it.sportello.support.Api.object;
import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.support.Api;
import it.sportello.support.Desk;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Makes rules through the API for a test and deletes them afterwards: every test shares the
 * database, and a trigger left active would act on other tests' tickets. Rules are scoped to a
 * token only the test's own tickets carry.
 */
final class AutomationFixtures {

    private final Api api;
    private final List<String> made = new ArrayList<>();

    AutomationFixtures(Api api) {
        this.api = api;
    }

    static Map<String, Object> condition(String kind, String value) {
        return object("kind", kind, "value", value);
    }

    static Map<String, Object> action(String type, String value) {
        return object("type", type, "value", value);
    }

    JsonNode trigger(String name, String event, List<?> conditions, List<?> actions) {
        return make(
                "/api/v1/automations/triggers",
                object("name", name, "event", event, "conditions", conditions, "actions", actions));
    }

    JsonNode timeRule(Map<String, Object> body) {
        return make("/api/v1/automations/time-rules", body);
    }

    JsonNode macro(Map<String, Object> body) {
        return make("/api/v1/automations/macros", body);
    }

    private JsonNode make(String path, Map<String, Object> body) {
        Api.Reply reply = api.post(path, Desk.ADMIN, body);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        made.add(path + "/" + reply.json().get("id").asLong());
        return reply.json();
    }

    void deleteAll() {
        made.forEach(path -> api.delete(path, Desk.ADMIN));
        made.clear();
    }
}
