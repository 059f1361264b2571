package it.sportello.channel.chat;

import static it.sportello.channel.chat.ChatSockets.line;
import static it.sportello.channel.chat.ChatSockets.status;
import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.support.Api;
import it.sportello.support.Browser;
import it.sportello.support.Desk;
import it.sportello.support.Launch;
import it.sportello.support.PostgresOnly;
import it.sportello.support.TestDatabase;
import it.sportello.support.TestSettings;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Two Sportello nodes on one PostgreSQL, their STOMP brokers relayed through RabbitMQ: a visitor
 * connected to node A and an agent connected to node B hear each other live, as behind a load
 * balancer. RabbitMQ's STOMP port must answer; where the run requires its services (CI) a missing
 * one fails the test rather than skipping it.
 */
@PostgresOnly
class ChatAcrossNodesTests {

    private static final String RELAY_HOST = "127.0.0.1";
    private static final int RELAY_PORT = 61613;
    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    static Path dataDirs;

    static String schema;
    static Launch.Running nodeA;
    static Launch.Running nodeB;

    @BeforeAll
    static void startTwoNodes() throws Exception {
        requireRabbitStomp();
        schema = TestDatabase.extraSchema("nodes");
        // One after the other: the first migrates the schema and creates the admin, the second finds them.
        nodeA = node("a");
        nodeB = node("b");
    }

    @AfterAll
    static void stopNodes() {
        if (nodeB != null) {
            nodeB.close();
        }
        if (nodeA != null) {
            nodeA.close();
        }
    }

    private static Launch.Running node(String name) {
        return Launch.start(
                TestDatabase.postgresUrl(schema),
                dataDirs.resolve(name),
                "spring.flyway.default-schema=" + schema,
                "spring.datasource.hikari.maximum-pool-size=5",
                "spring.datasource.hikari.minimum-idle=1",
                "sportello.chat.relay.host=" + RELAY_HOST,
                "sportello.chat.relay.port=" + RELAY_PORT,
                "sportello.api-token=" + TestSettings.ADMIN_TOKEN,
                "sportello.admin.email=admin@nodes.sportello.test",
                "sportello.admin.password=admin-password-for-node-tests",
                "sportello.bot.enabled=false",
                "spring.jpa.properties.hibernate.search.backend.directory.type=local-heap");
    }

    private static void requireRabbitStomp() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(RELAY_HOST, RELAY_PORT), 3000);
        } catch (IOException e) {
            String reason = "RabbitMQ's STOMP port " + RELAY_HOST + ":" + RELAY_PORT + " does not answer (" + e
                    + "): start RabbitMQ and run `rabbitmq-plugins enable rabbitmq_stomp`";
            if (TestDatabase.postgresRequired()) {
                throw new AssertionError(reason + "; this run requires its services (sportello.require-postgres=true)");
            }
            Assumptions.abort(reason);
        }
    }

    @Test
    void aVisitorOnNodeAAndAnAgentOnNodeBTalkLiveThroughTheRelay() throws Exception {
        Api apiA = nodeA.api();
        Api apiB = nodeB.api();
        Desk.Person agent = new Desk(apiB).agent();
        Api.Reply available = apiB.sendJson(
                "PUT", "/api/v1/chats/availability", agent.token(), Api.object("available", true, "capacity", 3));
        assertThat(available.status()).as(available.toString()).isEqualTo(200);
        Browser browser = nodeB.browser();
        assertThat(browser.signIn(agent.email(), agent.password()).statusCode()).isEqualTo(302);
        String session = browser.cookie("JSESSIONID").orElseThrow();

        try (ChatSockets.Connection desk = ChatSockets.agent(nodeB.port(), session)) {
            desk.subscribeConfirmed("/topic/chats.desk", WAIT);

            Api.Reply started = apiA.post("/chat/api/chats", null, Api.object("name", "Ada", "locale", "it"));
            assertThat(started.status()).as(started.toString()).isEqualTo(201);
            long chatId = started.json().get("chatId").asLong();
            String token = started.json().get("token").asString();
            String topic = "/topic/chat." + chatId;

            try (ChatSockets.Connection visitor = ChatSockets.visitor(nodeA.port(), chatId, token)) {
                visitor.subscribeConfirmed(topic, WAIT);
                visitor.send("/app/chats/" + chatId + "/send", outgoing("v1", "Vorrei parlare con un operatore"));
                visitor.await(line("visitor", "Vorrei parlare con un operatore"), WAIT);
                visitor.await(status("waiting"), WAIT);

                JsonNode notice = desk.await(
                        s -> s.path("type").asString().equals("desk")
                                && s.path("chatId").asLong() == chatId,
                        WAIT);
                assertThat(notice.get("waiting").asInt()).isEqualTo(1);

                Api.Reply accepted = apiB.post("/api/v1/chats/" + chatId + "/accept", agent.token(), Map.of());
                assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
                visitor.await(status("active"), WAIT);

                desk.subscribeConfirmed(topic, WAIT);
                desk.send("/app/chats/" + chatId + "/send", outgoing("a1", "Buongiorno, la seguo io dal nodo B."));
                JsonNode reply = visitor.await(line("agent", "Buongiorno, la seguo io dal nodo B."), WAIT);
                assertThat(reply.get("line").get("clientId").asString()).isEqualTo("a1");

                visitor.send("/app/chats/" + chatId + "/send", outgoing("v2", "Il mio ordine non è arrivato"));
                JsonNode next = desk.await(line("visitor", "Il mio ordine non è arrivato"), WAIT);
                assertThat(next.get("line").get("clientId").asString()).isEqualTo("v2");
            }

            JsonNode chat = apiA.get("/api/v1/chats/" + chatId, TestSettings.ADMIN_TOKEN)
                    .json();
            assertThat(chat.get("chat").get("state").asString()).isEqualTo("active");
            List<String> authors = new ArrayList<>();
            chat.get("lines").forEach(l -> authors.add(l.get("author").asString()));
            assertThat(authors).containsExactly("visitor", "system", "system", "agent", "visitor");
        }
    }

    private static Map<String, Object> outgoing(String clientId, String body) {
        return Map.of("clientId", clientId, "body", body);
    }
}
