package it.sportello.channel.email.mailbox;

import static it.sportello.support.Api.object;
import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.support.Api;
import it.sportello.support.ApiTestCase;
import it.sportello.support.Desk;
import it.sportello.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class MailboxApiTests extends ApiTestCase {

    private static final String MAILBOXES = "/api/v1/channels/email/mailboxes";
    private static final String SECRET = "Pa55word-segretissima";

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anAdminCreatesReadsChangesAndDeletesAMailboxWhosePasswordIsNeverShown() {
        long group = group();
        Api.Reply created = api.post(MAILBOXES, Desk.ADMIN, mailbox(group));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode body = created.json();
        long id = body.get("id").asLong();
        assertThat(created.header("Location")).endsWith(MAILBOXES + "/" + id);
        assertThat(body.get("host").asString()).isEqualTo("127.0.0.1");
        assertThat(body.get("folder").asString()).isEqualTo("INBOX");
        assertThat(body.get("groupId").asLong()).isEqualTo(group);
        assertThat(body.get("enabled").asBoolean()).isFalse();
        assertThat(created.body()).doesNotContain(SECRET).doesNotContain("password");

        Api.Reply read = api.get(MAILBOXES + "/" + id, Desk.ADMIN);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("address").asString()).isEqualTo("assistenza@negozio.test");
        assertThat(read.body()).doesNotContain(SECRET).doesNotContain("password");
        assertThat(api.get(MAILBOXES, Desk.ADMIN).body())
                .contains("\"id\":" + id)
                .doesNotContain(SECRET);

        Api.Reply changed = api.patch(
                MAILBOXES + "/" + id,
                Desk.ADMIN,
                object("folder", "Assistenza", "processedFolder", "Lavorate", "pollIntervalSeconds", 120));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().get("folder").asString()).isEqualTo("Assistenza");
        assertThat(changed.json().get("processedFolder").asString()).isEqualTo("Lavorate");
        assertThat(changed.json().get("pollIntervalSeconds").asInt()).isEqualTo(120);
        // Fields left out stay as they were.
        assertThat(changed.json().get("name").asString()).isEqualTo("Assistenza negozio");
        assertThat(changed.json().get("username").asString()).isEqualTo("assistenza");

        assertThat(api.delete(MAILBOXES + "/" + id, Desk.ADMIN).status()).isEqualTo(204);
        assertThat(api.get(MAILBOXES + "/" + id, Desk.ADMIN).status()).isEqualTo(404);
        assertThat(api.delete(MAILBOXES + "/" + id, Desk.ADMIN).status()).isEqualTo(404);
    }

    @Test
    void thePasswordIsStoredSealedAndAChangeSealsTheNewOne() {
        long id = api.post(MAILBOXES, Desk.ADMIN, mailbox(group()))
                .json()
                .get("id")
                .asLong();
        String stored = sealed(id);
        assertThat(stored).isNotBlank().doesNotContain(SECRET).startsWith("v1:");

        assertThat(api.patch(MAILBOXES + "/" + id, Desk.ADMIN, object("name", "Rinominata"))
                        .status())
                .isEqualTo(200);
        assertThat(sealed(id))
                .as("a change without a password keeps the stored one")
                .isEqualTo(stored);

        Api.Reply changed = api.patch(MAILBOXES + "/" + id, Desk.ADMIN, object("password", "Nuova-password-1"));
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.body()).doesNotContain("Nuova-password-1");
        assertThat(sealed(id)).isNotEqualTo(stored).doesNotContain("Nuova-password-1");
    }

    @Test
    void onlyAdminsManageMailboxes() {
        Desk.Person agent = desk.agent();
        Desk.Person supervisor = desk.supervisor();
        long id = api.post(MAILBOXES, Desk.ADMIN, mailbox(group()))
                .json()
                .get("id")
                .asLong();

        assertThat(api.get(MAILBOXES, agent.token()).status()).isEqualTo(403);
        assertThat(api.get(MAILBOXES + "/" + id, supervisor.token()).status()).isEqualTo(403);
        assertThat(api.post(MAILBOXES, agent.token(), mailbox(group())).status())
                .isEqualTo(403);
        assertThat(api.patch(MAILBOXES + "/" + id, agent.token(), object("name", "x"))
                        .status())
                .isEqualTo(403);
        assertThat(api.delete(MAILBOXES + "/" + id, agent.token()).status()).isEqualTo(403);
        assertThat(api.get(MAILBOXES + "/" + id, Desk.ADMIN).json().get("name").asString())
                .isEqualTo("Assistenza negozio");
    }

    @Test
    void badSettingsAreRefusedFieldByFieldAndNothingIsStored() {
        Integer before = jdbc.queryForObject("select count(*) from channel_email_mailbox", Integer.class);
        Map<String, Object> badPort = new java.util.HashMap<>(mailbox(group()));
        badPort.put("port", 70000);
        Api.Reply refused = api.post(MAILBOXES, Desk.ADMIN, badPort);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(fields(refused)).containsExactly("port");

        Api.Reply empty = api.post(MAILBOXES, Desk.ADMIN, object("port", 993));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(fields(empty)).contains("name", "host", "username", "password", "address");

        Map<String, Object> noGroup = new java.util.HashMap<>(mailbox(group()));
        noGroup.put("groupId", 987_654_321L);
        noGroup.put("address", "non un indirizzo");
        assertThat(fields(api.post(MAILBOXES, Desk.ADMIN, noGroup))).contains("address");
        noGroup.put("address", "ok@negozio.test");
        assertThat(fields(api.post(MAILBOXES, Desk.ADMIN, noGroup))).containsExactly("groupId");

        Map<String, Object> notANumber = new java.util.HashMap<>(mailbox(group()));
        notANumber.put("port", "imap");
        assertThat(api.post(MAILBOXES, Desk.ADMIN, notANumber).status()).isEqualTo(400);
        assertThat(jdbc.queryForObject("select count(*) from channel_email_mailbox", Integer.class))
                .isEqualTo(before);

        long id = api.post(MAILBOXES, Desk.ADMIN, mailbox(group()))
                .json()
                .get("id")
                .asLong();
        Api.Reply badChange = api.patch(MAILBOXES + "/" + id, Desk.ADMIN, object("port", 0, "name", "Cambiata"));
        assertThat(fields(badChange)).containsExactly("port");
        assertThat(api.get(MAILBOXES + "/" + id, Desk.ADMIN).json().get("name").asString())
                .as("nothing half-written")
                .isEqualTo("Assistenza negozio");
    }

    @Test
    void everyChangeIsAudited() {
        long id = api.post(MAILBOXES, Desk.ADMIN, mailbox(group()))
                .json()
                .get("id")
                .asLong();
        api.patch(MAILBOXES + "/" + id, Desk.ADMIN, object("password", "Altra-password-9"));
        api.delete(MAILBOXES + "/" + id, Desk.ADMIN);

        List<String> targets = jdbc.queryForList(
                "select target from audit_entry where action = 'admin.request' and target like ?",
                String.class,
                "% " + MAILBOXES + "%");
        assertThat(targets)
                .contains("POST " + MAILBOXES, "PATCH " + MAILBOXES + "/" + id, "DELETE " + MAILBOXES + "/" + id);
        assertThat(jdbc.queryForList("select details from audit_entry where details like '%Altra-password%'"))
                .isEmpty();
    }

    private String sealed(long id) {
        return jdbc.queryForObject("select password_sealed from channel_email_mailbox where id = ?", String.class, id);
    }

    private long group() {
        return api.post("/api/v1/groups", Desk.ADMIN, object("name", Api.unique("Negozio")))
                .json()
                .get("id")
                .asLong();
    }

    /** Disabled, and on a port nothing listens on: the poller never waits on these. */
    private static Map<String, Object> mailbox(long group) {
        return object(
                "name",
                "Assistenza negozio",
                "host",
                "127.0.0.1",
                "port",
                9,
                "tls",
                false,
                "username",
                "assistenza",
                "password",
                SECRET,
                "address",
                "Assistenza@Negozio.test",
                "groupId",
                group,
                "enabled",
                false);
    }

    private static List<String> fields(Api.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        for (JsonNode error : reply.json().get("errors")) {
            fields.add(error.get("field").asString());
        }
        return fields;
    }
}
