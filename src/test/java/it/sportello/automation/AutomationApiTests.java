package it.sportello.automation;

import static it.sportello.automation.AutomationFixtures.action;
import static it.sportello.automation.AutomationFixtures.condition;
import static it.sportello.support.Api.object;
import static it.sportello.support.Desk.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import it.sportello.channel.email.InboundEmailAccepted;
import it.sportello.customer.CustomerId;
import it.sportello.shared.SupportedLocale;
import it.sportello.support.Api;
import it.sportello.support.ApiTestCase;
import it.sportello.support.AuditTrail;
import it.sportello.support.Desk;
import it.sportello.support.IntegrationTest;
import it.sportello.ticket.MessageId;
import it.sportello.ticket.TicketId;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The automations API: roles (supervisors write, agents only read and apply macros), field errors
 * that write nothing, stale versions refused, every change in the audit log, the triggers' order,
 * macros applied to a ticket, and the acknowledgement templates the e-mail channel sends.
 */
@IntegrationTest
class AutomationApiTests extends ApiTestCase {

    private static final String TRIGGERS = "/api/v1/automations/triggers";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager transactionManager;

    private AutomationFixtures rules;
    private JsonNode emailTemplate;

    @BeforeEach
    void fixtures() {
        rules = new AutomationFixtures(api);
        emailTemplate =
                api.get("/api/v1/automations/acknowledgements/email", ADMIN).json();
    }

    @AfterEach
    void cleanUp() {
        rules.deleteAll();
        // Other tests expect the template as it ships.
        JsonNode now =
                api.get("/api/v1/automations/acknowledgements/email", ADMIN).json();
        if (now.get("version").asLong() != emailTemplate.get("version").asLong()) {
            Map<String, Object> back = new HashMap<>();
            for (String field : List.of("subjectIt", "bodyIt", "subjectEn", "bodyEn")) {
                back.put(field, emailTemplate.get(field).asString());
            }
            back.put("active", emailTemplate.get("active").asBoolean());
            back.put("version", now.get("version").asLong());
            assertThat(api.sendJson("PUT", "/api/v1/automations/acknowledgements/email", ADMIN, back)
                            .status())
                    .isEqualTo(200);
        }
    }

    @Test
    void agentsMayNotReadOrWriteRulesAndStrangersAreAskedToSignIn() {
        Desk.Person agent = desk.agent();
        for (String path : List.of(
                TRIGGERS,
                "/api/v1/automations/time-rules",
                "/api/v1/automations/macros",
                "/api/v1/automations/acknowledgements")) {
            assertProblem(api.get(path, agent.token()), 403);
            if (!path.endsWith("acknowledgements")) {
                assertProblem(api.post(path, agent.token(), object("name", "x")), 403);
            }
            assertProblem(api.get(path, null), 401);
        }
        assertProblem(
                api.sendJson(
                        "PUT", "/api/v1/automations/acknowledgements/email", agent.token(), object("active", false)),
                403);
        assertProblem(api.get("/api/v1/macros", null), 401);
        assertProblem(api.get("/api/v1/macros", desk.customer().token()), 403);
        assertThat(api.get(TRIGGERS, desk.supervisor().token()).status()).isEqualTo(200);
    }

    @Test
    void badRulesAreRefusedFieldByFieldAndNothingIsWritten() {
        int before = count("automation_trigger");
        Api.Reply reply = api.post(
                TRIGGERS,
                ADMIN,
                object(
                        "name",
                        "",
                        "event",
                        "ticket_created",
                        "conditions",
                        List.of(condition("channel_is", "piccione"), condition("text_contains", " ")),
                        "actions",
                        List.of(
                                action("set_priority", "altissima"),
                                object("type", "assign", "groupId", 987654321),
                                action("add_tags", "non valido!"))));
        JsonNode problem = assertInvalid(reply, "name");
        assertThat(fields(problem))
                .contains(
                        "conditions[0].value",
                        "conditions[1].value",
                        "actions[0].value",
                        "actions[1].groupId",
                        "actions[2].value");
        assertInvalid(api.post(TRIGGERS, ADMIN, object("name", "Senza azioni", "event", "ticket_created")), "actions");
        assertProblem(api.sendJson("POST", TRIGGERS, ADMIN, "{\"name\":\"x\",\"event\":\"domani\"}"), 400);
        assertThat(count("automation_trigger")).isEqualTo(before);
    }

    @Test
    void aStaleVersionIsRefusedAndEveryChangeIsAudited() {
        Instant since = Instant.now().minusSeconds(1);
        String token = Api.unique("versione");
        JsonNode trigger = rules.trigger(
                "Versione " + token,
                "ticket_created",
                List.of(condition("text_contains", token)),
                List.of(action("add_tags", "uno")));
        long id = trigger.get("id").asLong();
        Map<String, Object> change = new HashMap<>(object(
                "name", "Versione due " + token,
                "event", "ticket_created",
                "conditions", List.of(condition("text_contains", token)),
                "actions", List.of(action("add_tags", "due")),
                "version", trigger.get("version").asLong()));

        Api.Reply updated = api.sendJson("PUT", TRIGGERS + "/" + id, ADMIN, change);
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json().get("name").asString()).isEqualTo("Versione due " + token);
        assertProblem(api.sendJson("PUT", TRIGGERS + "/" + id, ADMIN, change), 409);
        change.remove("version");
        assertInvalid(api.sendJson("PUT", TRIGGERS + "/" + id, ADMIN, change), "version");
        assertProblem(
                api.delete(
                        TRIGGERS + "/" + id + "?version="
                                + trigger.get("version").asLong(),
                        ADMIN),
                409);
        assertThat(api.delete(
                                TRIGGERS + "/" + id + "?version="
                                        + updated.json().get("version").asLong(),
                                ADMIN)
                        .status())
                .isEqualTo(204);
        assertProblem(api.get(TRIGGERS + "/" + id, ADMIN), 404);

        AuditTrail audit = new AuditTrail(api);
        for (String action :
                List.of("automation.trigger.created", "automation.trigger.updated", "automation.trigger.deleted")) {
            assertThat(audit.entries(action, since))
                    .as(action)
                    .anySatisfy(e -> assertThat(e.get("target").asString()).isEqualTo("trigger:" + id));
        }
    }

    @Test
    void triggersRunInTheirOrderAndMoveUpAndDown() {
        String token = Api.unique("ordine");
        long first = rules.trigger(
                        "Primo " + token,
                        "ticket_created",
                        List.of(condition("text_contains", token)),
                        List.of(action("add_tags", "a")))
                .get("id")
                .asLong();
        long second = rules.trigger(
                        "Secondo " + token,
                        "ticket_created",
                        List.of(condition("text_contains", token)),
                        List.of(action("add_tags", "b")))
                .get("id")
                .asLong();

        Api.Reply moved = api.post(TRIGGERS + "/" + second + "/move?direction=up", ADMIN, Map.of());
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        List<Long> order = StreamSupport.stream(api.get(TRIGGERS, ADMIN).json().spliterator(), false)
                .map(t -> t.get("id").asLong())
                .filter(i -> i == first || i == second)
                .toList();
        assertThat(order).containsExactly(second, first);
        assertInvalid(api.post(TRIGGERS + "/" + second + "/move?direction=sideways", ADMIN, Map.of()), "direction");
    }

    @Test
    void agentsSeeTheMacrosTheyMayUseAndApplyOneToATicket() {
        Desk.Person agent = desk.agent();
        Desk.Person outsider = desk.agent();
        long groupId = api.post(
                        "/api/v1/groups", ADMIN, object("name", Api.unique("Resi"), "members", List.of(agent.id())))
                .json()
                .get("id")
                .asLong();
        String name = Api.unique("Chiedi il numero d'ordine");
        JsonNode macro = rules.macro(object(
                "name",
                name,
                "groupId",
                groupId,
                "replyIt",
                "Ciao {{customer.name}}, ci mandi il numero d'ordine per «{{ticket.subject}}»?",
                "replyEn",
                "Hello {{customer.name}}, could you send the order number?",
                "actions",
                List.of(
                        action("set_status", "pending"),
                        action("set_priority", "high"),
                        action("add_tags", "reso"),
                        action("add_note", "Chiesto il numero d'ordine"))));
        long macroId = macro.get("id").asLong();
        long ticketId = desk.ticket("Reso " + name).get("id").asLong();

        assertThat(api.get("/api/v1/macros", agent.token())
                        .json()
                        .valueStream()
                        .map(m -> m.get("name").asString()))
                .contains(name, "Saluto");
        assertThat(api.get("/api/v1/macros", outsider.token())
                        .json()
                        .valueStream()
                        .map(m -> m.get("name").asString()))
                .doesNotContain(name);
        assertProblem(api.post("/api/v1/tickets/" + ticketId + "/macros/" + macroId, outsider.token(), Map.of()), 404);
        assertProblem(api.post("/api/v1/automations/macros", agent.token(), object("name", "mia")), 403);

        Api.Reply applied = api.post("/api/v1/tickets/" + ticketId + "/macros/" + macroId, agent.token(), Map.of());

        assertThat(applied.status()).as(applied.toString()).isEqualTo(200);
        assertThat(applied.json().get("reply").asString())
                .isEqualTo("Ciao Cliente di prova, ci mandi il numero d'ordine per «Reso " + name + "»?");
        assertThat(applied.json().get("statusAfter").asString()).isEqualTo("pending");
        JsonNode ticket = api.get("/api/v1/tickets/" + ticketId, ADMIN).json();
        assertThat(ticket.get("priority").asString()).isEqualTo("high");
        assertThat(ticket.get("tags").toString()).contains("reso");
        assertThat(ticket.get("status").asString())
                .as("the status goes with the reply the agent sends, not before")
                .isEqualTo("new");
        assertThat(ticket.get("messages").valueStream().map(m -> m.get("body").asString()))
                .contains("Chiesto il numero d'ordine");
    }

    @Test
    void theEmailAcknowledgementIsWrittenFromTheTemplateWithThePromise() {
        Api.Reply refused = api.sendJson(
                "PUT",
                "/api/v1/automations/acknowledgements/email",
                ADMIN,
                object("subjectIt", " ", "bodyIt", "", "subjectEn", "x", "bodyEn", "y", "version", 0));
        assertThat(fields(assertInvalid(refused, "subjectIt"))).contains("bodyIt");
        assertInvalid(api.get("/api/v1/automations/acknowledgements/phone", ADMIN), "channel");
        Api.Reply saved = api.sendJson(
                "PUT",
                "/api/v1/automations/acknowledgements/email",
                ADMIN,
                object(
                        "subjectIt", "Presa in carico n. {{ticket.number}}",
                        "bodyIt", "Gentile {{customer.name}}, le risponderemo {{promise}}.",
                        "subjectEn", "Request {{ticket.number}} received",
                        "bodyEn", "Dear {{customer.name}}, we will answer {{promise}}.",
                        "version", emailTemplate.get("version").asLong()));
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        assertProblem(
                api.sendJson(
                        "PUT",
                        "/api/v1/automations/acknowledgements/email",
                        ADMIN,
                        object(
                                "subjectIt",
                                "a",
                                "bodyIt",
                                "b",
                                "subjectEn",
                                "c",
                                "bodyEn",
                                "d",
                                "version",
                                emailTemplate.get("version").asLong())),
                409);

        String customer = Api.unique("cliente") + "@example.it";
        JsonNode ticket = desk.ticketFor(customer, "Fattura doppia");
        long id = ticket.get("id").asLong();
        new TransactionTemplate(transactionManager)
                .executeWithoutResult(tx -> events.publishEvent(new InboundEmailAccepted(
                        1,
                        new TicketId(id),
                        new MessageId(ticket.get("messages").get(0).get("id").asLong()),
                        new CustomerId(ticket.get("requester").get("id").asLong()),
                        customer,
                        SupportedLocale.IT,
                        true,
                        false,
                        "supporto@desk.test",
                        Instant.now(),
                        "<" + Api.unique("m") + "@example.it>",
                        List.of())));

        Map<String, Object> mail = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> jdbc.queryForList(
                                "select subject, body_text from channel_email_outbox where ticket_id = ? and kind = 'ACKNOWLEDGEMENT'",
                                id),
                        rows -> rows.size() == 1)
                .getFirst();
        assertThat(mail.get("subject")).isEqualTo("Presa in carico n. " + id);
        assertThat(mail.get("body_text"))
                .isEqualTo("Gentile Cliente di prova, le risponderemo entro 8 ore lavorative.");
        assertThat(new AuditTrail(api)
                        .entries(
                                "automation.acknowledgement.updated",
                                Instant.now().minusSeconds(60)))
                .isNotEmpty();
    }

    private int count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Integer.class);
    }

    static JsonNode assertProblem(Api.Reply reply, int status) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.contentType()).as(reply.toString()).startsWith("application/problem+json");
        assertThat(reply.body()).doesNotContain("Exception", "\tat ", "it.sportello.");
        return reply.json();
    }

    static JsonNode assertInvalid(Api.Reply reply, String field) {
        JsonNode problem = assertProblem(reply, 400);
        assertThat(fields(problem)).as(reply.toString()).contains(field);
        return problem;
    }

    static List<String> fields(JsonNode problem) {
        JsonNode errors = problem.get("errors");
        if (errors == null || !errors.isArray()) {
            return List.of();
        }
        return StreamSupport.stream(errors.spliterator(), false)
                .map(e -> e.get("field").asString())
                .toList();
    }
}
