package it.sportello.automation;

import static it.sportello.automation.AutomationFixtures.action;
import static it.sportello.automation.AutomationFixtures.condition;
import static it.sportello.support.Api.object;
import static it.sportello.support.Desk.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import it.sportello.support.Api;
import it.sportello.support.ApiTestCase;
import it.sportello.support.IntegrationTest;
import it.sportello.support.MovableClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Time rules on the persistent scheduler: moving the application's clock past a rule's wait makes
 * it act, once per ticket and stretch of time; a ticket that comes back to the status starts a new
 * stretch. The out-of-the-box rules are there and active.
 */
@IntegrationTest
class TimeRuleTests extends ApiTestCase {

    /**
     * Generous: moving the clock makes every timer of the shared test database due at once, and the
     * scheduler may work through those before the time rules' own check.
     */
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MovableClock clock;

    @Autowired
    TimeRuleCheck check;

    private AutomationFixtures rules;

    @BeforeEach
    void fixtures() {
        rules = new AutomationFixtures(api);
    }

    @AfterEach
    void cleanUp() {
        clock.reset();
        rules.deleteAll();
    }

    @Test
    void aPendingTicketIsRemindedOnceWhenTheClockPassesTheWaitAndAgainAfterComingBack() {
        String tag = Api.unique("attesa").toLowerCase();
        JsonNode rule = rules.timeRule(object(
                "name",
                "Promemoria " + tag,
                "measure",
                "in_status",
                "status",
                "pending",
                "afterHours",
                24,
                "conditions",
                List.of(condition("tags_contain", tag)),
                "actions",
                List.of(
                        object(
                                "type",
                                "reply",
                                "textIt",
                                "Ciao {{customer.name}}, aspettiamo ancora una tua risposta su {{ticket.subject}}."),
                        action("add_tags", "ricordato"))));
        long id = desk.ticket("Attesa " + tag).get("id").asLong();
        assertThat(api.patch("/api/v1/tickets/" + id, ADMIN, object("status", "pending", "tags", List.of(tag)))
                        .status())
                .isEqualTo(200);
        await().atMost(WAIT).until(() -> enteredPending(id) != null);
        java.time.Instant first = enteredPending(id);

        clock.advance(Duration.ofHours(23));
        check.checkAll();
        assertThat(firings(rule)).as("not yet: 23 of 24 hours").isZero();

        // The scheduler's recurring check reads the same clock: past the wait, it acts by itself.
        clock.advance(Duration.ofHours(2));
        await().atMost(WAIT).until(() -> firings(rule) == 1);
        JsonNode ticket = api.get("/api/v1/tickets/" + id, ADMIN).json();
        assertThat(ticket.get("tags").toString()).contains("ricordato");
        assertThat(ticket.get("messages").valueStream().map(m -> m.get("body").asString()))
                .containsOnlyOnce("Ciao Cliente di prova, aspettiamo ancora una tua risposta su Attesa " + tag + ".");

        clock.advance(Duration.ofHours(10));
        check.checkAll();
        assertThat(firings(rule)).as("once per stretch in pending").isEqualTo(1);

        assertThat(api.patch("/api/v1/tickets/" + id, ADMIN, object("status", "open"))
                        .status())
                .isEqualTo(200);
        assertThat(api.patch("/api/v1/tickets/" + id, ADMIN, object("status", "pending"))
                        .status())
                .isEqualTo(200);
        await().atMost(WAIT)
                .until(() -> enteredPending(id) != null && enteredPending(id).isAfter(first));
        clock.advance(Duration.ofHours(25));
        check.checkAll();
        assertThat(firings(rule)).as("a new stretch in pending").isEqualTo(2);
    }

    @Test
    void theOutOfTheBoxRulesRemindAfterFiveDaysAndSolveAfterTen() {
        JsonNode all = api.get("/api/v1/automations/time-rules", ADMIN).json();
        assertThat(all.valueStream()
                        .filter(r -> r.get("active").asBoolean())
                        .map(r -> r.get("name").asString()))
                .contains("Promemoria: in attesa da 5 giorni", "Chiusura: in attesa da 10 giorni");
        JsonNode close = all.valueStream()
                .filter(r -> r.get("name").asString().startsWith("Chiusura"))
                .findFirst()
                .orElseThrow();
        assertThat(close.get("status").asString()).isEqualTo("pending");
        assertThat(close.get("afterHours").asInt()).isEqualTo(240);
        assertThat(close.get("actions").toString()).contains("set_status", "solved");
    }

    @Test
    void aRuleWithoutTheStatusItMeasuresOrWithANonsenseWaitIsRefused() {
        Api.Reply reply = api.post(
                "/api/v1/automations/time-rules",
                ADMIN,
                object(
                        "name",
                        " ",
                        "measure",
                        "in_status",
                        "afterHours",
                        0,
                        "actions",
                        List.of(action("set_status", "new"))));
        JsonNode problem = AutomationApiTests.assertInvalid(reply, "name");
        assertThat(AutomationApiTests.fields(problem)).contains("status", "afterHours", "actions[0].value");
    }

    /** When the ticket entered pending, as the rules know it; null while it is not known to be pending. */
    private java.time.Instant enteredPending(long id) {
        return jdbc
                .query(
                        "select entered_at from automation_status_entry where ticket_id = ? and status = 'pending'",
                        (rs, row) ->
                                rs.getObject(1, java.time.OffsetDateTime.class).toInstant(),
                        id)
                .stream()
                .findFirst()
                .orElse(null);
    }

    private int firings(JsonNode rule) {
        return jdbc.queryForObject(
                "select count(*) from automation_firing where rule_key = ? and outcome = 'done'",
                Integer.class,
                "time-rule:" + rule.get("id").asLong());
    }
}
