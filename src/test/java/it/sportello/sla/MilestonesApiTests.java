package it.sportello.sla;

import static it.sportello.support.Api.object;
import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.support.Api;
import it.sportello.support.ApiTestCase;
import it.sportello.support.Desk.Person;
import it.sportello.support.IntegrationTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/** Milestones are recorded once per ticket and name, refused when they cannot be true, and kept from outsiders. */
@IntegrationTest
class MilestonesApiTests extends ApiTestCase {

    @Test
    void recordingTheSameMilestoneAgainAnswersTheFirstRecordUnchanged() {
        Person agent = desk.agent();
        long ticket = desk.ticket("Ordine in viaggio").get("id").asLong();
        String path = "/api/v1/tickets/" + ticket + "/milestones";
        Instant at = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.SECONDS);

        Api.Reply first = api.post(
                path,
                agent.token(),
                object("name", " Consegna ", "at", at.toString(), "note", "Corriere\u0000 GLS\u200B "));
        Api.Reply again = api.post(path, agent.token(), object("name", "consegna"));

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.json().get("name").asString()).isEqualTo("consegna");
        assertThat(first.json().get("note").asString()).isEqualTo("Corriere GLS");
        assertThat(again.status()).isEqualTo(200);
        assertThat(Instant.parse(again.json().get("at").asString())).isEqualTo(at);
        assertThat(api.get(path, agent.token()).json().size()).isEqualTo(1);
    }

    @Test
    void refusesAMilestoneThatCannotBeTrue() {
        Person agent = desk.agent();
        long ticket = desk.ticket("Ordine").get("id").asLong();
        String path = "/api/v1/tickets/" + ticket + "/milestones";

        Api.Reply blank = api.post(path, agent.token(), object("name", ""));
        Api.Reply future = api.post(path, agent.token(), object("name", "consegna", "at", "2999-01-01T00:00:00Z"));
        Api.Reply before = api.post(path, agent.token(), object("name", "consegna", "at", "2001-01-01T00:00:00Z"));
        Api.Reply garbled = api.post(path, agent.token(), object("name", "consegna", "at", "domani"));
        Api.Reply unknown = api.post("/api/v1/tickets/999999999/milestones", agent.token(), object("name", "consegna"));

        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.json().get("errors").toString()).contains("\"field\":\"name\"");
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.json().get("errors").toString()).contains("\"field\":\"at\"");
        assertThat(before.status()).isEqualTo(400);
        assertThat(garbled.status()).isEqualTo(400);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(api.get(path, agent.token()).json().size()).isZero();
    }

    @Test
    void staffRecordSupervisorsRemoveOutsidersNothing() {
        Person agent = desk.agent();
        Person supervisor = desk.supervisor();
        long ticket = desk.ticket("Reso").get("id").asLong();
        String path = "/api/v1/tickets/" + ticket + "/milestones";
        assertThat(api.post(path, agent.token(), object("name", "reso ricevuto"))
                        .status())
                .isEqualTo(201);

        assertThat(api.get(path, null).status()).isEqualTo(401);
        assertThat(api.get(path, desk.customer().token()).status()).isEqualTo(403);
        assertThat(api.delete(path + "/reso ricevuto".replace(" ", "%20"), agent.token())
                        .status())
                .isEqualTo(403);
        assertThat(api.delete(path + "/reso%20ricevuto", supervisor.token()).status())
                .isEqualTo(204);
        assertThat(api.get(path, agent.token()).json().size()).isZero();
    }
}
