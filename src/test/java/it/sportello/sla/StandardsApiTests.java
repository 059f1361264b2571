package it.sportello.sla;

import static it.sportello.support.Api.object;
import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.support.Api;
import it.sportello.support.ApiTestCase;
import it.sportello.support.AuditTrail;
import it.sportello.support.Desk.Person;
import it.sportello.support.IntegrationTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Supervisors keep the standards through the API, each change audited; the team reads what was published. */
@IntegrationTest
class StandardsApiTests extends ApiTestCase {

    @Test
    void aSupervisorCreatesChangesAndDeletesAStandardEachChangeAudited() {
        Person supervisor = desk.supervisor();
        Instant since = Instant.now().minusSeconds(5);
        String name = Api.unique("Prima risposta");

        Api.Reply created = api.post(
                "/api/v1/standards",
                supervisor.token(),
                object(
                        "name",
                        name,
                        "measure",
                        "first_response",
                        "threshold",
                        "PT8H",
                        "businessTime",
                        true,
                        "channels",
                        List.of("email"),
                        "floor",
                        95));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode standard = created.json();
        long id = standard.get("id").asLong();
        assertThat(standard.get("sentence").asString())
                .isEqualTo("95 % of requests by e-mail get a first response within 8 business hours.");
        Api.Reply inItalian = api.sendRaw(
                "GET", "/api/v1/standards/" + id, supervisor.token(), null, "", Map.of("Accept-Language", "it"));
        assertThat(inItalian.json().get("sentence").asString())
                .isEqualTo("Il 95 % delle richieste via e-mail riceve una prima risposta entro 8 ore lavorative.");
        assertThat(standard.get("threshold").asString()).isEqualTo("PT8H");
        assertThat(standard.get("floor").decimalValue()).isEqualByComparingTo("95.0");

        Map<String, Object> change = object(
                "name",
                name,
                "measure",
                "first_response",
                "threshold",
                "PT4H",
                "businessTime",
                true,
                "channels",
                List.of("email", "web"),
                "floor",
                85,
                "version",
                standard.get("version").asLong());
        Api.Reply updated = api.sendJson("PUT", "/api/v1/standards/" + id, supervisor.token(), change);
        Api.Reply stale = api.sendJson("PUT", "/api/v1/standards/" + id, supervisor.token(), change);

        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json().get("sentence").asString())
                .isEqualTo("85 % of requests by e-mail or web form get a first response within 4 business hours.");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.contentType()).startsWith("application/problem+json");

        assertThat(api.delete("/api/v1/standards/" + id, supervisor.token()).status())
                .isEqualTo(204);
        assertThat(api.get("/api/v1/standards/" + id, supervisor.token()).status())
                .isEqualTo(404);

        AuditTrail audit = new AuditTrail(api);
        assertThat(audit.entries("sla.standard.create", since))
                .anyMatch(e -> e.toString().contains("standard:" + id));
        assertThat(audit.entries("sla.standard.update", since))
                .anyMatch(e -> e.toString().contains("standard:" + id));
        assertThat(audit.entries("sla.standard.delete", since))
                .anyMatch(e -> e.toString().contains("standard:" + id));
    }

    @Test
    void aBadStandardIsRefusedNamingEveryFieldAndNothingIsWritten() {
        Person supervisor = desk.supervisor();
        int before = api.get("/api/v1/standards", supervisor.token()).json().size();

        Api.Reply refused = api.post(
                "/api/v1/standards",
                supervisor.token(),
                object(
                        "name",
                        " ",
                        "measure",
                        "speed",
                        "threshold",
                        "8 hours",
                        "floor",
                        150,
                        "channels",
                        List.of("fax")));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        String errors = refused.json().get("errors").toString();
        for (String field : List.of("name", "measure", "threshold", "floor", "channels")) {
            assertThat(errors).contains("\"field\":\"" + field + "\"");
        }
        Api.Reply milestoneMissing = api.post(
                "/api/v1/standards",
                supervisor.token(),
                object("name", Api.unique("Consegna"), "measure", "milestone", "threshold", "P3D", "floor", 90));
        assertThat(milestoneMissing.status()).isEqualTo(400);
        assertThat(milestoneMissing.json().get("errors").toString()).contains("\"field\":\"milestone\"");
        assertThat(api.get("/api/v1/standards", supervisor.token()).json().size())
                .isEqualTo(before);
    }

    @Test
    void publishingMakesTheCharterTheTeamReads() {
        Person supervisor = desk.supervisor();
        Person agent = desk.agent();

        Api.Reply published = api.post("/api/v1/standards/publish", supervisor.token(), object());
        Api.Reply read = api.get("/api/v1/standards/charter", agent.token());

        assertThat(published.status()).as(published.toString()).isEqualTo(201);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("number").asLong())
                .isEqualTo(published.json().get("number").asLong());
        assertThat(read.json().get("publishedBy").asString()).isEqualTo("Test supervisor");
        assertThat(read.json().get("standards").toString())
                .contains("90 % of chats get an answer from a person within 2 minutes.");
    }

    @Test
    void onlySupervisorsChangeStandardsAndOnlyStaffReadTheCharter() {
        Person agent = desk.agent();
        Map<String, Object> body =
                object("name", Api.unique("Agente"), "measure", "resolution", "threshold", "P1D", "floor", 80);

        assertThat(api.post("/api/v1/standards", null, body).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/standards", agent.token(), body).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/standards", agent.token()).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/standards/publish", agent.token(), object())
                        .status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/standards/charter", desk.customer().token()).status())
                .isEqualTo(403);
    }
}
