package it.sportello.sla;

import static it.sportello.support.Api.object;
import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.SportelloApplication;
import it.sportello.support.Api;
import it.sportello.support.Desk;
import it.sportello.support.Launch;
import it.sportello.support.MovableClock;
import it.sportello.support.PostgresOnly;
import it.sportello.support.TestDatabase;
import it.sportello.support.TestSettings;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Two Sportello nodes on one PostgreSQL schema, sharing one movable clock: a ticket's clocks,
 * started before both nodes restart, warn and breach after the restart, and each warning and
 * breach happens exactly once although both nodes' schedulers look for due work.
 */
@PostgresOnly
class SlaTimersAcrossNodesTests {

    private static final MovableClock TIME = new MovableClock();
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path dataDirs;

    static String schema;
    static List<Launch.Running> nodes = new ArrayList<>();

    @BeforeAll
    static void prepare() throws Exception {
        schema = TestDatabase.extraSchema("sla_nodes");
    }

    @AfterAll
    static void stopNodes() {
        nodes.forEach(Launch.Running::close);
        TIME.reset();
    }

    @Test
    void timersSurviveARestartAndFireOnceAcrossTwoNodes() throws Exception {
        Launch.Running a = node("a");
        Api api = a.api();
        Desk desk = new Desk(api);
        Desk.Person supervisor = desk.supervisor();
        long group = api.post(
                        "/api/v1/groups",
                        Desk.ADMIN,
                        object("name", Api.unique("Gruppo"), "members", List.of(supervisor.id())))
                .json()
                .get("id")
                .asLong();
        String tag = Api.unique("nodi");
        Api.Reply policy = api.post(
                "/api/v1/sla/policies",
                Desk.ADMIN,
                object(
                        "name",
                        Api.unique("Dieci minuti"),
                        "tags",
                        List.of(tag),
                        "calendarId",
                        2,
                        "firstResponseMinutes",
                        10,
                        "warningPercent",
                        50,
                        "escalations",
                        List.of(
                                object(
                                        "target", "first_response",
                                        "moment", "warning",
                                        "action", "notify_supervisors"),
                                object(
                                        "target", "first_response",
                                        "moment", "breach",
                                        "action", "notify_supervisors"))));
        assertThat(policy.status()).as(policy.toString()).isEqualTo(201);
        Api.Reply created = api.post(
                "/api/v1/tickets",
                Desk.ADMIN,
                object(
                        "subject",
                        "Ordine tra due nodi",
                        "customer",
                        object("email", Api.unique("cliente") + "@example.it"),
                        "message",
                        object("body", "Dov'è il mio ordine?"),
                        "channel",
                        "email",
                        "tags",
                        List.of(tag),
                        "groupId",
                        group));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long ticket = created.json().get("id").asLong();
        await(() -> sla(api, ticket).hasNonNull("firstResponseDueAt"));

        // A restart of the whole desk: the timers wait in the database.
        a.close();
        nodes.remove(a);
        Launch.Running first = node("a2");
        Launch.Running second = node("b");

        TIME.advance(Duration.ofMinutes(6));
        await(() -> notices(supervisor.id(), "sla.notice.warning.first_response") == 1);
        TIME.advance(Duration.ofMinutes(5));
        await(() -> sla(second.api(), ticket).get("breached").size() == 1);
        await(() -> notices(supervisor.id(), "sla.notice.breach.first_response") == 1);

        // Both nodes poll every 200 ms: time enough for a second firing, had there been one.
        TIME.advance(Duration.ofMinutes(30));
        Thread.sleep(2_000);
        assertThat(notices(supervisor.id(), "sla.notice.warning.first_response"))
                .isEqualTo(1);
        assertThat(notices(supervisor.id(), "sla.notice.breach.first_response")).isEqualTo(1);
        assertThat(sla(first.api(), ticket).get("breached").toString()).isEqualTo("[\"first_response\"]");
    }

    private static JsonNode sla(Api api, long ticket) {
        JsonNode sla = api.get("/api/v1/tickets/" + ticket, Desk.ADMIN).json().get("sla");
        return sla == null ? tools.jackson.databind.node.JsonNodeFactory.instance.objectNode() : sla;
    }

    private static int notices(long recipient, String key) {
        try (Connection connection =
                        DriverManager.getConnection(TestDatabase.postgresUrl(schema), TestDatabase.postgresUser(), "");
                PreparedStatement query = connection.prepareStatement(
                        "select count(*) from notification where recipient_id = ? and message_key = ?")) {
            query.setLong(1, recipient);
            query.setString(2, key);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A node on the shared schema whose clock is the test's: what Launch does, with the clock put in. */
    private static Launch.Running node(String name) {
        List<String> args = List.of(
                "--server.port=0",
                "--sportello.data-dir=" + dataDirs.resolve(name),
                "--spring.datasource.url=" + TestDatabase.postgresUrl(schema),
                "--spring.datasource.username=" + TestDatabase.postgresUser(),
                "--spring.datasource.password=",
                "--spring.main.banner-mode=off",
                "--spring.flyway.default-schema=" + schema,
                "--spring.datasource.hikari.maximum-pool-size=5",
                "--spring.datasource.hikari.minimum-idle=1",
                "--sportello.api-token=" + TestSettings.ADMIN_TOKEN,
                "--sportello.admin.email=admin@sla-nodes.sportello.test",
                "--sportello.admin.password=admin-password-for-sla-node-tests",
                "--sportello.bot.enabled=false",
                "--sportello.scheduler.polling-interval=200ms",
                "--sportello.sla.sweep-interval=1s",
                "--spring.jpa.properties.hibernate.search.backend.directory.type=local-heap");
        ConfigurableApplicationContext context = new SpringApplicationBuilder(SportelloApplication.class)
                .initializers(ctx -> ((GenericApplicationContext) ctx)
                        .registerBean("nodeClock", Clock.class, () -> TIME, bd -> bd.setPrimary(true)))
                .run(args.toArray(String[]::new));
        Integer port = context.getEnvironment().getProperty("local.server.port", Integer.class);
        Launch.Running running = new Launch.Running(context, port);
        nodes.add(running);
        return running;
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Still not so after " + WAIT);
            }
            Thread.sleep(100);
        }
    }
}
