package it.sportello.identity;

import static it.sportello.support.Api.object;
import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.support.Api;
import it.sportello.support.Browser;
import it.sportello.support.Launch;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The guard that keeps the last active admin, as the user page shows it: an error beside the
 * field, nothing changed. It needs a desk whose only admin is known, so it starts one of its own
 * (H2 only; the shared test database may hold admins made by other tests).
 */
class AdminLastAdminTests {

    private static final String EMAIL = "titolare@bottega.example";
    private static final String PASSWORD = "una-password-da-operatore";

    @TempDir
    Path dataDir;

    Launch.Running app;
    String token;
    Browser admin;
    long adminId;

    @BeforeEach
    void startADeskWithOneAdmin() {
        token = "sp_unico-" + UUID.randomUUID();
        app = Launch.start(
                Launch.memoryDatabase(),
                dataDir,
                "sportello.admin.email=" + EMAIL,
                "sportello.admin.password=" + PASSWORD,
                "sportello.api-token=" + token);
        adminId = app.api()
                .get("/api/v1/users?exactEmail=" + EMAIL, token)
                .json()
                .get("id")
                .asLong();
        admin = app.browser();
        assertThat(admin.redirectTarget(admin.signIn(EMAIL, PASSWORD))).isEqualTo("/");
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void refusesToDemoteTheLastAdminWithAnErrorBesideTheRole() {
        HttpResponse<String> refused = save("AGENT", "true", "Titolare Rinominato");

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body())
                .contains("È l&#39;ultimo amministratore attivo: nomina prima un altro amministratore.")
                .contains("id=\"role-error\"")
                .doesNotContain("id=\"active-error\"")
                .contains("value=\"Titolare Rinominato\"")
                .containsPattern("<option value=\"AGENT\" selected=\"selected\"");
        JsonNode unchanged = app.api().get("/api/v1/users/" + adminId, token).json();
        assertThat(unchanged.get("role").asString()).isEqualTo("admin");
        assertThat(unchanged.get("displayName").asString())
                .as("nothing half-written: the name change went back too")
                .isNotEqualTo("Titolare Rinominato");
    }

    @Test
    void refusesToDeactivateTheLastAdminWithAnErrorBesideTheStatus() {
        HttpResponse<String> refused = save("ADMIN", "false", "Titolare");

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("id=\"active-error\"").contains("ultimo amministratore attivo");
        assertThat(app.api()
                        .get("/api/v1/users/" + adminId, token)
                        .json()
                        .get("active")
                        .asBoolean())
                .isTrue();
        assertThat(admin.get("/admin/users").statusCode())
                .as("still signed in and an admin")
                .isEqualTo(200);
    }

    @Test
    void letsTheFirstAdminStepDownOnceThereIsAnother() {
        Api.Reply second = app.api()
                .post(
                        "/api/v1/users",
                        token,
                        object(
                                "email", "vice@bottega.example",
                                "displayName", "Vice",
                                "role", "admin",
                                "password", "un-altra-password"));
        assertThat(second.status()).isEqualTo(201);

        HttpResponse<String> saved = save("SUPERVISOR", "true", "Titolare");

        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        assertThat(app.api()
                        .get("/api/v1/users/" + adminId, token)
                        .json()
                        .get("role")
                        .asString())
                .isEqualTo("supervisor");
    }

    private HttpResponse<String> save(String role, String active, String name) {
        String path = "/admin/users/" + adminId;
        String csrf = Browser.csrfToken(admin.get(path).body());
        return admin.post(
                path,
                Browser.form(
                        "_csrf", csrf,
                        "email", EMAIL,
                        "displayName", name,
                        "role", role,
                        "locale", "IT",
                        "active", active,
                        "newPassword", ""));
    }
}
