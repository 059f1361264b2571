package it.sportello.automation;

import static it.sportello.automation.AutomationFixtures.action;
import static it.sportello.automation.AutomationFixtures.condition;
import static it.sportello.support.Api.object;
import static it.sportello.support.Desk.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import it.sportello.support.Api;
import it.sportello.support.ApiTestCase;
import it.sportello.support.Desk;
import it.sportello.support.IntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Triggers end to end: events from the API reach the triggers through the event registry; the
 * conditions pick the tickets, the actions change them, write to the customer (through the e-mail
 * outbox), note, notify; and two triggers that undo each other stop.
 */
@IntegrationTest
class TriggerTests extends ApiTestCase {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    JdbcTemplate jdbc;

    private AutomationFixtures rules;

    @BeforeEach
    void fixtures() {
        rules = new AutomationFixtures(api);
    }

    @AfterEach
    void removeRules() {
        rules.deleteAll();
    }

    @Test
    void aNewTicketThatMatchesIsChangedNotedNotifiedAndAnsweredByMail() {
        String token = Api.unique("spedizione");
        Desk.Person supervisor = desk.supervisor();
        long groupId = api.post("/api/v1/groups", ADMIN, object("name", Api.unique("Logistica"), "members", List.of()))
                .json()
                .get("id")
                .asLong();
        JsonNode trigger = rules.trigger(
                "Consegne urgenti " + token,
                "ticket_created",
                List.of(
                        // Accent- and case-blind: the subject says "Perché", the rule "PERCHE".
                        condition("text_contains", "PERCHE " + token),
                        condition("channel_is", "email, web"),
                        condition("tags_dont_contain", "spam")),
                List.of(
                        action("set_priority", "urgent"),
                        action("add_tags", "consegna, Automatico"),
                        object("type", "assign", "groupId", groupId),
                        action("add_note", "Priorità alzata per il ticket {{ticket.number}}"),
                        action("notify", String.valueOf(supervisor.id())),
                        object(
                                "type",
                                "reply",
                                "textIt",
                                "Ciao {{customer.name}}, la richiesta n. {{ticket.number}} «{{ticket.subject}}» è urgente per noi.",
                                "textEn",
                                "Hello {{customer.name}}, request {{ticket.number}} is urgent for us.")));
        assertThat(trigger.get("position").asInt()).isPositive();
        String email = Api.unique("cliente") + "@example.it";

        long id = desk.ticketFor(email, "Perché " + token + " non arriva?")
                .get("id")
                .asLong();

        JsonNode ticket = await().atMost(WAIT)
                .until(() -> ticket(id), t -> t.get("priority").asString().equals("urgent"));
        assertThat(ticket.get("tags")).extracting(JsonNode::asString).contains("automatico", "consegna");
        assertThat(ticket.get("groupId").asLong()).isEqualTo(groupId);
        List<JsonNode> messages =
                List.copyOf(ticket.get("messages").valueStream().toList());
        assertThat(messages)
                .anySatisfy(m -> assertThat(m.get("body").asString()).isEqualTo("Priorità alzata per il ticket " + id));
        String reply = "Ciao Cliente di prova, la richiesta n. " + id + " «Perché " + token
                + " non arriva?» è urgente per noi.";
        assertThat(messages)
                .anySatisfy(m -> assertThat(m.get("body").asString()).isEqualTo(reply));
        // The desk's reply leaves like an agent's: queued in the e-mail outbox for the customer.
        await().atMost(WAIT)
                .until(
                        () -> jdbc.queryForList(
                                "select body_text from channel_email_outbox where ticket_id = ? and kind = 'REPLY' and to_address = ?",
                                String.class,
                                id,
                                email),
                        bodies -> bodies.size() == 1 && bodies.getFirst().contains("è urgente per noi"));
        assertThat(jdbc.queryForObject(
                        "select count(*) from notification where recipient_id = ? and message_key = 'automation.notice'",
                        Integer.class,
                        supervisor.id()))
                .isEqualTo(1);
        assertThat(firings(trigger)).isEqualTo(1);
    }

    @Test
    void aTicketThatFailsAConditionIsLeftAlone() {
        String token = Api.unique("filtro");
        JsonNode trigger = rules.trigger(
                "Solo chat " + token,
                "ticket_created",
                List.of(condition("text_contains", token), condition("channel_is", "chat")),
                List.of(action("set_priority", "high")));
        JsonNode other = rules.trigger(
                "Marca " + token,
                "ticket_created",
                List.of(condition("text_contains", token)),
                List.of(action("add_tags", "visto")));

        long id = desk.ticket("Domanda " + token).get("id").asLong();

        await().atMost(WAIT)
                .until(() -> ticket(id), t -> t.get("tags").toString().contains("visto"));
        assertThat(ticket(id).get("priority").asString()).isEqualTo("normal");
        assertThat(firings(trigger)).isZero();
        assertThat(firings(other)).isEqualTo(1);
    }

    @Test
    void aCustomersFollowUpFiresCustomerRepliedButTheirFirstMessageDoesNot() {
        String token = Api.unique("risposta");
        Desk.Person customer = desk.customer();
        JsonNode trigger = rules.trigger(
                "Il cliente ha risposto " + token,
                "customer_replied",
                List.of(condition("text_contains", token)),
                List.of(action("add_tags", "rispost0")));
        long id = desk.ticketBy(customer, "Problema " + token).get("id").asLong();

        Api.Reply followUp =
                api.post("/api/v1/tickets/" + id + "/messages", customer.token(), Desk.message("Ancora " + token));
        assertThat(followUp.status()).as(followUp.toString()).isEqualTo(201);

        await().atMost(WAIT)
                .until(() -> ticket(id), t -> t.get("tags").toString().contains("rispost0"));
        assertThat(jdbc.queryForList(
                        "select chain from automation_firing where rule_key = ?",
                        String.class,
                        "trigger:" + trigger.get("id").asLong()))
                .containsExactly("message:" + followUp.json().get("id").asLong());
    }

    @Test
    void twoTriggersThatUndoEachOtherStopAfterOneRoundEach() throws Exception {
        String token = Api.unique("altalena");
        JsonNode reopen = rules.trigger(
                "Riapri " + token,
                "status_changed",
                List.of(condition("text_contains", token), condition("status_is", "pending")),
                List.of(action("set_status", "open")));
        JsonNode suspend = rules.trigger(
                "Rimetti in attesa " + token,
                "status_changed",
                List.of(condition("text_contains", token), condition("status_is", "open")),
                List.of(action("set_status", "pending")));
        long id = desk.ticket("Altalena " + token).get("id").asLong();

        assertThat(api.patch("/api/v1/tickets/" + id, ADMIN, object("status", "pending"))
                        .status())
                .isEqualTo(200);

        await().atMost(WAIT).until(() -> firings(reopen) == 1 && firings(suspend) == 1);
        // Give a runaway loop the time to show itself.
        Thread.sleep(2_000);
        assertThat(firings(reopen)).isEqualTo(1);
        assertThat(firings(suspend)).isEqualTo(1);
        await().atMost(WAIT)
                .until(() -> ticket(id), t -> t.get("status").asString().equals("pending"));
        // new → pending by the agent, → open, → pending by the two rules, and nothing more.
        await().atMost(WAIT).until(() -> statusChanges(id) == 3);
        Thread.sleep(1_000);
        assertThat(statusChanges(id)).isEqualTo(3);
    }

    @Test
    void anInactiveTriggerDoesNothing() {
        String token = Api.unique("spento");
        JsonNode trigger = rules.trigger(
                "Spento " + token,
                "ticket_created",
                List.of(condition("text_contains", token)),
                List.of(action("add_tags", "mai")));
        Api.Reply off = api.sendJson(
                "PUT",
                "/api/v1/automations/triggers/" + trigger.get("id").asLong(),
                ADMIN,
                Map.of(
                        "name",
                        "Spento " + token,
                        "event",
                        "ticket_created",
                        "active",
                        false,
                        "conditions",
                        List.of(condition("text_contains", token)),
                        "actions",
                        List.of(action("add_tags", "mai")),
                        "version",
                        trigger.get("version").asLong()));
        assertThat(off.status()).as(off.toString()).isEqualTo(200);
        JsonNode marker = rules.trigger(
                "Acceso " + token,
                "ticket_created",
                List.of(condition("text_contains", token)),
                List.of(action("add_tags", "acceso")));

        long id = desk.ticket("Spento " + token).get("id").asLong();

        await().atMost(WAIT)
                .until(() -> ticket(id), t -> t.get("tags").toString().contains("acceso"));
        assertThat(ticket(id).get("tags").toString()).doesNotContain("mai");
        assertThat(firings(marker)).isEqualTo(1);
    }

    private int statusChanges(long id) {
        return jdbc.queryForObject(
                "select count(*) from ticket_activity where ticket_id = ? and kind = 'status_changed'",
                Integer.class,
                id);
    }

    private JsonNode ticket(long id) {
        return api.get("/api/v1/tickets/" + id, ADMIN).json();
    }

    private int firings(JsonNode trigger) {
        return jdbc.queryForObject(
                "select count(*) from automation_firing where rule_key = ? and outcome = 'done'",
                Integer.class,
                "trigger:" + trigger.get("id").asLong());
    }
}
