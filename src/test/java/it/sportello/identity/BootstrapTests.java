package it.sportello.identity;

import static it.sportello.support.Api.object;
import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.support.Api;
import it.sportello.support.Browser;
import it.sportello.support.Launch;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

/**
 * First start of a fresh desk, configured the way an operator does it (SPORTELLO_ADMIN_EMAIL,
 * SPORTELLO_ADMIN_PASSWORD, SPORTELLO_API_TOKEN). Each test starts the application on a database
 * of its own, so it also sees the only admin there is; H2 only.
 */
@ExtendWith(OutputCaptureExtension.class)
class BootstrapTests {

    private static final Pattern GENERATED = Pattern.compile("with the generated password: (\\S+)");

    @TempDir
    Path dataDir;

    Launch.Running app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void createsTheConfiguredAdminWhoCanSignIn(CapturedOutput output) {
        app = Launch.start(
                Launch.memoryDatabase(),
                dataDir,
                "sportello.admin.email=Titolare@Bottega.Example",
                "sportello.admin.password=una-password-da-operatore",
                "sportello.admin.name=Titolare Bottega",
                "sportello.api-token=");

        Browser browser = app.browser();
        HttpResponse<String> signedIn = browser.signIn("titolare@bottega.example", "una-password-da-operatore");

        assertThat(browser.redirectTarget(signedIn)).isEqualTo("/");
        assertThat(browser.redirectTarget(browser.get("/"))).isEqualTo("/inbox");
        assertThat(browser.get("/inbox").body()).contains("Titolare Bottega").contains("Utenti");
        assertThat(output.getAll())
                .containsIgnoringCase("Created the first admin titolare@bottega.example")
                .doesNotContain("generated password")
                .doesNotContain("una-password-da-operatore");
    }

    @Test
    void generatesAPasswordAndLogsItOnceWhenNoneIsGiven(CapturedOutput output) {
        app = Launch.start(
                Launch.memoryDatabase(),
                dataDir,
                "sportello.admin.email=capo@bottega.example",
                "sportello.admin.password=",
                "sportello.api-token=");

        String password = generatedPassword(output.getAll());

        assertThat(password).hasSizeGreaterThanOrEqualTo(16);
        Browser browser = app.browser();
        assertThat(browser.redirectTarget(browser.signIn("capo@bottega.example", password)))
                .isEqualTo("/");
        Browser guesser = app.browser();
        assertThat(guesser.redirectTarget(guesser.signIn("capo@bottega.example", "")))
                .isEqualTo("/login?error");
    }

    @Test
    void createsTheApiTokenWithExactlyTheConfiguredValue() {
        String token = "sp_operatore-" + UUID.randomUUID();
        app = Launch.start(
                Launch.memoryDatabase(),
                dataDir,
                "sportello.admin.email=capo@bottega.example",
                "sportello.admin.password=una-password-da-operatore",
                "sportello.api-token=" + token);
        Api api = app.api();

        Api.Reply users = api.get("/api/v1/users", token);

        assertThat(users.status()).as(users.toString()).isEqualTo(200);
        assertThat(users.json().get("total").asLong()).isEqualTo(1);
        assertThat(users.json().get("items").get(0).get("email").asString()).isEqualTo("capo@bottega.example");
        assertThat(users.json().get("items").get(0).get("role").asString()).isEqualTo("admin");
        JsonNode tokens = api.get("/api/v1/tokens", token).json();
        assertThat(tokens).hasSize(1);
        assertThat(tokens.get(0).get("name").asString()).isEqualTo("SPORTELLO_API_TOKEN");
        assertThat(tokens.get(0).get("hint").asString()).isEqualTo(token.substring(0, 8));
        assertThat(api.get("/api/v1/users", token + "x").status()).isEqualTo(401);
    }

    @Test
    void startingAgainOnTheSameDatabaseCreatesNothingTwice(CapturedOutput output) {
        String token = "sp_riavvio-" + UUID.randomUUID();
        String[] settings = {
            "sportello.admin.email=capo@bottega.example", "sportello.admin.password=", "sportello.api-token=" + token
        };
        app = Launch.start(null, dataDir, settings);
        String password = generatedPassword(output.getAll());
        app.close();
        app = null;
        int firstRun = output.getAll().length();

        app = Launch.start(null, dataDir, settings);

        String secondRun = output.getAll().substring(firstRun);
        assertThat(secondRun)
                .contains("Tomcat started on port")
                .doesNotContain("generated password")
                .doesNotContain("Created the first admin")
                .doesNotContain("Created the automation API token");
        Api api = app.api();
        Api.Reply admins = api.get("/api/v1/users?role=admin", token);
        assertThat(admins.status()).as(admins.toString()).isEqualTo(200);
        assertThat(admins.json().get("total").asLong()).isEqualTo(1);
        assertThat(api.get("/api/v1/tokens", token).json()).hasSize(1);
        Browser browser = app.browser();
        assertThat(browser.redirectTarget(browser.signIn("capo@bottega.example", password)))
                .as("the password from the first start still works")
                .isEqualTo("/");
    }

    @Test
    void keepsTheLastActiveAdmin() {
        String token = "sp_ultimo-" + UUID.randomUUID();
        app = Launch.start(
                Launch.memoryDatabase(),
                dataDir,
                "sportello.admin.email=capo@bottega.example",
                "sportello.admin.password=una-password-da-operatore",
                "sportello.api-token=" + token);
        Api api = app.api();
        long first = api.get("/api/v1/users?exactEmail=capo@bottega.example", token)
                .json()
                .get("id")
                .asLong();

        Api.Reply demoted = api.patch("/api/v1/users/" + first, token, object("role", "agent"));
        Api.Reply deactivated = api.patch("/api/v1/users/" + first, token, object("active", false));

        assertThat(demoted.status()).as(demoted.toString()).isEqualTo(409);
        assertThat(demoted.contentType()).startsWith("application/problem+json");
        assertThat(deactivated.status()).as(deactivated.toString()).isEqualTo(409);
        JsonNode unchanged = api.get("/api/v1/users/" + first, token).json();
        assertThat(unchanged.get("role").asString()).isEqualTo("admin");
        assertThat(unchanged.get("active").asBoolean()).isTrue();

        long second = api.post(
                        "/api/v1/users",
                        token,
                        object(
                                "email", "vice@bottega.example",
                                "displayName", "Vice",
                                "role", "admin",
                                "password", "un-altra-password"))
                .json()
                .get("id")
                .asLong();
        String secondToken = api.post("/api/v1/tokens", token, object("name", "vice", "userId", second))
                .json()
                .get("token")
                .asString();
        assertThat(api.patch("/api/v1/users/" + first, token, object("role", "supervisor"))
                        .status())
                .as("with a second admin the first may step down")
                .isEqualTo(200);
        assertThat(api.patch("/api/v1/users/" + second, secondToken, object("active", false))
                        .status())
                .as("but now the second is the last one")
                .isEqualTo(409);
    }

    private static String generatedPassword(String log) {
        Matcher matcher = GENERATED.matcher(log);
        assertThat(matcher.find()).as("a generated password is logged").isTrue();
        String password = matcher.group(1);
        assertThat(matcher.find())
                .as("the generated password is logged only once")
                .isFalse();
        return password;
    }
}
