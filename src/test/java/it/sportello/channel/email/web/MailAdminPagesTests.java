package it.sportello.channel.email.web;

import static it.sportello.support.Api.object;
import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.support.Api;
import it.sportello.support.ApiTestCase;
import it.sportello.support.Browser;
import it.sportello.support.Desk;
import it.sportello.support.IntegrationTest;
import it.sportello.support.TestSettings;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.JsonNode;

/**
 * The admin's mail pages over HTTP: mailboxes made, changed and deleted through the forms and
 * then seen in the API, and a message that could not be read shown with its reason and replayed.
 */
@IntegrationTest
class MailAdminPagesTests extends ApiTestCase {

    private static final String MAILBOXES = "/api/v1/channels/email/mailboxes";
    private static final String SECRET = "Pa55word-dalla-pagina";

    @Autowired
    JdbcTemplate jdbc;

    Browser admin;

    @BeforeEach
    void signInAsAdmin() {
        admin = new Browser(port);
        assertThat(admin.redirectTarget(admin.signIn("admin@sportello.test", "admin-password-for-tests")))
                .isEqualTo("/");
    }

    @Test
    void aMailboxCreatedOnThePageIsInTheApiWithItsPasswordSealedAndNeverShown() {
        long group = group();
        String name = Api.unique("Casella dalla pagina");

        HttpResponse<String> created =
                submit("/admin/mailboxes/new", "/admin/mailboxes", fields(name, "9", group, SECRET));

        assertThat(follow(created).body()).contains("Casella «" + HtmlUtils.htmlEscape(name) + "» creata.");
        JsonNode mailbox = mailboxNamed(name);
        assertThat(mailbox.get("port").asInt()).isEqualTo(9);
        assertThat(mailbox.get("tls").asBoolean()).isFalse();
        assertThat(mailbox.get("enabled").asBoolean()).isFalse();
        assertThat(mailbox.get("groupId").asLong()).isEqualTo(group);
        assertThat(mailbox.get("address").asString()).isEqualTo("pagina@negozio.test");
        assertThat(mailbox.toString()).doesNotContain(SECRET);
        String sealed = sealed(mailbox.get("id").asLong());
        assertThat(sealed).startsWith("v1:").doesNotContain(SECRET);
        assertThat(admin.get("/admin/mailboxes/" + mailbox.get("id").asLong()).body())
                .as("the edit page never sends the password back")
                .doesNotContain(SECRET)
                .doesNotContain(sealed);
    }

    @Test
    void aBadPortIsShownBesideTheFieldWithWhatWasTypedAndNothingIsSaved() {
        String name = Api.unique("Porta sbagliata");

        HttpResponse<String> refused =
                submit("/admin/mailboxes/new", "/admin/mailboxes", fields(name, "70000", group(), SECRET));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body())
                .contains("id=\"port-error\"")
                .contains("La porta è un numero da 1 a 65535")
                .contains("value=\"70000\"")
                .contains("value=\"" + HtmlUtils.htmlEscape(name) + "\"")
                .contains("aria-invalid=\"true\"")
                .doesNotContain(SECRET);
        assertThat(api.get(MAILBOXES, Desk.ADMIN).body()).doesNotContain(name);
    }

    @Test
    void aChangeWithoutAPasswordKeepsTheStoredOneAndDeletingAsksFirst() {
        long group = group();
        String name = Api.unique("Da cambiare");
        follow(submit("/admin/mailboxes/new", "/admin/mailboxes", fields(name, "9", group, SECRET)));
        long id = mailboxNamed(name).get("id").asLong();
        String sealed = sealed(id);

        List<String> changed = fields(name + " bis", "10", group, "");
        changed.set(changed.indexOf("processedFolder") + 1, "Lavorate");
        HttpResponse<String> saved = submit("/admin/mailboxes/" + id, "/admin/mailboxes/" + id, changed);

        assertThat(follow(saved).body()).contains("Casella «" + HtmlUtils.htmlEscape(name) + " bis» salvata.");
        JsonNode now = api.get(MAILBOXES + "/" + id, Desk.ADMIN).json();
        assertThat(now.get("name").asString()).isEqualTo(name + " bis");
        assertThat(now.get("port").asInt()).isEqualTo(10);
        assertThat(now.get("processedFolder").asString()).isEqualTo("Lavorate");
        assertThat(sealed(id)).as("an empty password keeps the stored one").isEqualTo(sealed);

        HttpResponse<String> confirm = admin.get("/admin/mailboxes/" + id + "/delete");
        assertThat(confirm.statusCode()).isEqualTo(200);
        assertThat(confirm.body()).contains("Eliminare la casella?");
        assertThat(api.get(MAILBOXES + "/" + id, Desk.ADMIN).status()).isEqualTo(200);

        HttpResponse<String> deleted =
                submit("/admin/mailboxes/" + id + "/delete", "/admin/mailboxes/" + id + "/delete", List.of());
        assertThat(follow(deleted).body()).contains("Casella «" + HtmlUtils.htmlEscape(name) + " bis» eliminata.");
        assertThat(api.get(MAILBOXES + "/" + id, Desk.ADMIN).status()).isEqualTo(404);
    }

    @Test
    void aMessageThatCouldNotBeReadIsListedWithItsReasonAndCanBeReplayed() throws Exception {
        HttpResponse<String> posted = postRaw(malformed());
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
        JsonNode result =
                tools.jackson.databind.json.JsonMapper.builder().build().readTree(posted.body());
        assertThat(result.get("status").asString()).isEqualTo("failed");
        long intakeId = result.get("intakeId").asLong();
        String reason = result.get("reason").asString();

        HttpResponse<String> page = admin.get("/admin/mail-intake");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("id=\"intake-" + intakeId + "\"")
                .contains(HtmlUtils.htmlEscape(reason))
                .contains("action=\"/admin/mail-intake/" + intakeId + "/replay\"");

        HttpResponse<String> replayed =
                submit("/admin/mail-intake", "/admin/mail-intake/" + intakeId + "/replay", List.of());
        assertThat(admin.redirectTarget(replayed)).isEqualTo("/admin/mail-intake");
        assertThat(admin.get("/admin/mail-intake").body())
                .as("the outcome of the replay: the same message still cannot be read")
                .contains("role=\"status\"")
                .contains("Messaggio " + intakeId + " ancora non elaborato");
    }

    @Test
    void anAgentGetsTheForbiddenPage() {
        Desk.Person agent = desk.agent();
        Browser browser = new Browser(port);
        browser.signIn(agent.email(), agent.password());
        for (String path : List.of("/admin/mailboxes", "/admin/mailboxes/new", "/admin/mail-intake")) {
            assertThat(browser.get(path).statusCode()).as(path).isEqualTo(403);
        }
    }

    /** Disabled, and on a port nothing listens on: the poller never waits on these. */
    private static List<String> fields(String name, String port, long group, String password) {
        return new java.util.ArrayList<>(List.of(
                "name", name,
                "address", "Pagina@Negozio.test",
                "groupId", Long.toString(group),
                "host", "127.0.0.1",
                "port", port,
                "username", "assistenza",
                "password", password,
                "folder", "INBOX",
                "processedFolder", "",
                "pollIntervalSeconds", "60"));
    }

    private HttpResponse<String> submit(String page, String action, List<String> fields) {
        HttpResponse<String> form = admin.get(page);
        assertThat(form.statusCode()).as(page).isEqualTo(200);
        StringBuilder body = new StringBuilder("_csrf=" + encode(Browser.csrfToken(form.body())));
        for (int i = 0; i < fields.size(); i += 2) {
            body.append('&').append(encode(fields.get(i))).append('=').append(encode(fields.get(i + 1)));
        }
        return admin.postEncoded(action, body.toString());
    }

    /** Opens the page a form redirected to, as a browser would, which shows (and uses up) the confirmation. */
    private HttpResponse<String> follow(HttpResponse<String> redirect) {
        assertThat(admin.redirectTarget(redirect)).isEqualTo("/admin/mailboxes");
        return admin.get("/admin/mailboxes");
    }

    private JsonNode mailboxNamed(String name) {
        for (JsonNode mailbox : api.get(MAILBOXES, Desk.ADMIN).json()) {
            if (mailbox.get("name").asString().equals(name)) {
                return mailbox;
            }
        }
        throw new AssertionError("No mailbox named " + name);
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

    private static byte[] malformed() throws IOException {
        try (InputStream in = MailAdminPagesTests.class.getResourceAsStream("/email/malformed-boundary.eml")) {
            String text = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            return text.replace("{{ID}}", UUID.randomUUID().toString()).getBytes(StandardCharsets.ISO_8859_1);
        }
    }

    private HttpResponse<String> postRaw(byte[] mail) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/channels/email/inbound"))
                .header("Authorization", "Bearer " + TestSettings.ADMIN_TOKEN)
                .header("Content-Type", "message/rfc822")
                .POST(HttpRequest.BodyPublishers.ofByteArray(mail))
                .build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
