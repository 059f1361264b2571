package it.sportello;

import static it.sportello.support.Api.object;
import static it.sportello.support.Desk.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.support.Api;
import it.sportello.support.ApiTestCase;
import it.sportello.support.Browser;
import it.sportello.support.Desk;
import it.sportello.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** What operators and integrators rely on: health probes, metrics, API docs and clean error answers. */
@IntegrationTest
class OperationsTests extends ApiTestCase {

    private static final Pattern STACK_FRAME = Pattern.compile("\\bat [\\w$.]+\\([\\w$]+\\.java:\\d+\\)");

    @Test
    void reportsHealthWithoutAuthenticationOrDetails() {
        Api.Reply health = api.get("/actuator/health", null);

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asString()).isEqualTo("UP");
        assertThat(health.json().has("components")).isFalse();
        assertThat(health.json().has("details")).isFalse();
        assertThat(health.body())
                .doesNotContain("db")
                .doesNotContain("diskSpace")
                .doesNotContain("H2");
    }

    @Test
    void answersTheLivenessAndReadinessProbes() {
        for (String probe : List.of("/actuator/health/liveness", "/actuator/health/readiness")) {
            Api.Reply reply = api.get(probe, null);
            assertThat(reply.status()).as(probe).isEqualTo(200);
            assertThat(reply.json().get("status").asString()).as(probe).isEqualTo("UP");
        }
    }

    @Test
    void showsPrometheusMetricsToAdminsOnly() throws Exception {
        Api.Reply anonymous = api.get("/actuator/prometheus", null);
        Api.Reply agent = api.get("/actuator/prometheus", desk.agent().token());
        HttpResponse<String> admin = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(api.base() + "/actuator/prometheus"))
                                .header("Authorization", "Bearer " + ADMIN)
                                .header("Accept", "text/plain")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        assertThat(agent.status()).isEqualTo(403);
        assertThat(agent.contentType()).startsWith("application/problem+json");
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(admin.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        assertThat(admin.body()).contains("# TYPE jvm_memory_used_bytes gauge").contains("http_server_requests");
    }

    @Test
    void publishesAnOpenApiDocumentOfTheApi() {
        Api.Reply doc = api.get("/api/openapi", null);

        assertThat(doc.status()).isEqualTo(200);
        assertThat(doc.contentType()).startsWith("application/json");
        JsonNode openApi = doc.json();
        assertThat(openApi.get("openapi").asString()).startsWith("3.");
        assertThat(openApi.get("info").get("title").asString()).isEqualTo("Sportello API");
        assertThat(openApi.get("paths").has("/api/v1/tickets")).isTrue();
        assertThat(openApi.get("paths").has("/api/v1/customers")).isTrue();
        assertThat(openApi.get("components")
                        .get("securitySchemes")
                        .get("token")
                        .get("scheme")
                        .asString())
                .isEqualTo("bearer");
    }

    @Test
    void servesTheSwaggerUiFromApiDocs() throws Exception {
        HttpClient http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();

        HttpResponse<String> ui = http.send(
                HttpRequest.newBuilder(URI.create(api.base() + "/api/docs")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(ui.uri().getPath()).isNotEqualTo("/api/docs").contains("swagger-ui");
        assertThat(ui.body()).contains("Swagger UI");
        HttpResponse<String> config = http.send(
                HttpRequest.newBuilder(URI.create(api.base() + "/api/openapi/swagger-config"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(config.statusCode()).isEqualTo(200);
        assertThat(config.body()).contains("/api/openapi");
    }

    @Test
    void answersAnUnknownApiPathWithAProblem() {
        Api.Reply reply = api.get("/api/v1/nothing-here", ADMIN);

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("status").asInt()).isEqualTo(404);
        assertThat(reply.json().get("instance").asString()).isEqualTo("/api/v1/nothing-here");
    }

    @Test
    void refusesAnUnsupportedMediaTypeWithAProblem() {
        Api.Reply reply =
                api.sendRaw("POST", "/api/v1/customers", ADMIN, "text/plain", "emails=x@example.it", Map.of());

        assertThat(reply.status()).isEqualTo(415);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("status").asInt()).isEqualTo(415);
    }

    @Test
    void refusesAnUnsupportedMethodWithAProblem() {
        Api.Reply reply = api.delete("/api/v1/customers", ADMIN);

        assertThat(reply.status()).isEqualTo(405);
        assertThat(reply.contentType()).startsWith("application/problem+json");
    }

    @Test
    void showsABrowserAnHtmlPageForAnUnknownPage() {
        Browser browser = new Browser(port);
        Desk.Person agent = desk.agent();
        assertThat(browser.redirectTarget(browser.signIn(agent.email(), "password-for-agent")))
                .isEqualTo("/");

        HttpResponse<String> page = browser.get("/pagina-che-non-esiste");

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body())
                .contains("<html lang=\"it\">")
                .contains("La pagina che cerchi non esiste.")
                .doesNotContain("\"status\"");
    }

    @Test
    void neverAnswersWithAStackTrace() {
        List<Api.Reply> replies = List.of(
                api.sendJson("POST", "/api/v1/customers", ADMIN, "{\"emails\": [\"x@example.it\""),
                api.sendJson("POST", "/api/v1/customers", ADMIN, "{\"emails\": 42}"),
                api.sendJson("POST", "/api/v1/customers", ADMIN, "{\"unknownField\": true}"),
                api.sendJson("POST", "/api/v1/users", ADMIN, "[]"),
                api.get("/api/v1/users/not-a-number", ADMIN),
                api.get("/api/v1/users/99999999999999999999", ADMIN),
                api.get("/api/v1/customers?page=-1", ADMIN),
                api.get("/api/v1/customers?sort=password", ADMIN),
                api.get("/api/v1/audit?since=yesterday", ADMIN),
                api.get("/api/v1/nothing-here", ADMIN),
                api.get("/api/v1/users", "sp_" + Api.unique("falso")),
                api.sendRaw("POST", "/api/v1/users", ADMIN, "application/xml", "<user/>", Map.of()),
                api.post("/api/v1/tickets", ADMIN, object("subject", "x")));

        for (Api.Reply reply : replies) {
            assertThat(reply.status()).as(reply.toString()).isBetween(400, 499);
            assertThat(reply.contentType()).as(reply.toString()).startsWith("application/problem+json");
            assertThat(reply.body())
                    .as(reply.toString())
                    .doesNotContain("Exception")
                    .doesNotContain("\tat ")
                    .doesNotContainPattern(STACK_FRAME)
                    .doesNotContain("it.sportello.")
                    .doesNotContain("tools.jackson");
        }
    }
}
