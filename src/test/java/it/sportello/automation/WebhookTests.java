package it.sportello.automation;

import static it.sportello.automation.AutomationFixtures.condition;
import static it.sportello.support.Api.object;
import static it.sportello.support.Desk.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import it.sportello.support.Api;
import it.sportello.support.ApiTestCase;
import it.sportello.support.IntegrationTest;
import it.sportello.support.MovableClock;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A trigger's webhook reaches a real HTTP server on 127.0.0.1: signed with the webhook's secret,
 * retried with back-off after a failure (the scheduler's clock is moved past the back-off), and
 * delivered once when it succeeds.
 */
@IntegrationTest
class WebhookTests extends ApiTestCase {

    /** Generous: a moved clock makes every timer of the shared test database due at once. */
    private static final Duration WAIT = Duration.ofSeconds(60);

    private static final String SECRET = "un-segreto-lungo-abbastanza";

    record Call(String signature, String delivery, String body) {}

    @Autowired
    MovableClock clock;

    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private AutomationFixtures rules;

    @BeforeEach
    void start() throws Exception {
        rules = new AutomationFixtures(api);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            calls.add(new Call(
                    exchange.getRequestHeaders().getFirst("X-Sportello-Signature"),
                    exchange.getRequestHeaders().getFirst("X-Sportello-Delivery"),
                    new String(body, StandardCharsets.UTF_8)));
            // The first call fails, as a receiver that is briefly down.
            exchange.sendResponseHeaders(calls.size() == 1 ? 503 : 204, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        clock.reset();
        rules.deleteAll();
    }

    @Test
    void aWebhookIsSignedRetriedAfterAFailureAndDeliveredOnce() throws Exception {
        String token = Api.unique("webhook");
        rules.trigger(
                "Avvisa il gestionale " + token,
                "ticket_created",
                List.of(condition("text_contains", token)),
                List.of(object(
                        "type",
                        "webhook",
                        "url",
                        "http://127.0.0.1:" + server.getAddress().getPort() + "/hook",
                        "secret",
                        SECRET)));

        long id = desk.ticket("Ordine " + token).get("id").asLong();

        await().atMost(WAIT).until(() -> calls.size() == 1);
        Thread.sleep(500);
        assertThat(calls).as("the retry waits for its back-off").hasSize(1);
        clock.advance(Duration.ofMinutes(2));
        await().atMost(WAIT).until(() -> calls.size() == 2);
        clock.advance(Duration.ofHours(1));
        Thread.sleep(1_500);
        assertThat(calls).as("delivered: never again").hasSize(2);

        Call first = calls.get(0);
        Call second = calls.get(1);
        assertThat(second.delivery()).isEqualTo(first.delivery());
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.signature())
                .isEqualTo(
                        "sha256=" + WebhookSchedule.sign(SECRET, second.body().getBytes(StandardCharsets.UTF_8)));
        assertThat(second.signature())
                .isNotEqualTo("sha256="
                        + WebhookSchedule.sign(
                                "altro-segreto-qualsiasi", second.body().getBytes(StandardCharsets.UTF_8)));
        JsonNode payload = JsonMapper.builder().build().readTree(second.body());
        assertThat(payload.get("event").asString()).isEqualTo("ticket_created");
        assertThat(payload.get("ticket").get("id").asLong()).isEqualTo(id);
        assertThat(payload.get("deliveryId").asString()).isEqualTo(first.delivery());
    }

    @Test
    void onlyHttpAddressesAndRealSecretsAreAccepted() {
        Api.Reply reply = api.post(
                "/api/v1/automations/triggers",
                ADMIN,
                object(
                        "name", "Webhook sbagliato",
                        "event", "ticket_created",
                        "actions",
                                List.of(
                                        object("type", "webhook", "url", "file:///etc/passwd", "secret", SECRET),
                                        object(
                                                "type",
                                                "webhook",
                                                "url",
                                                "https://example.com/hook",
                                                "secret",
                                                "corto"))));
        JsonNode problem = AutomationApiTests.assertInvalid(reply, "actions[0].url");
        assertThat(AutomationApiTests.fields(problem)).contains("actions[1].secret");
    }
}
