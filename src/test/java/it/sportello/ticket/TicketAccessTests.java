package it.sportello.ticket;

import static it.sportello.support.Api.object;
import static it.sportello.support.Desk.ADMIN;
import static it.sportello.ticket.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.support.Api;
import it.sportello.support.Desk;
import it.sportello.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Who may do what with tickets: every role against every ticket endpoint, and the promises made
 * to customers (only their own tickets, never the notes or the activity, never another's files).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TicketAccessTests {

    private static final String TICKETS = "/api/v1/tickets";

    enum Who {
        ADMIN,
        SUPERVISOR,
        AGENT,
        OWNER,
        OTHER_CUSTOMER,
        ANONYMOUS
    }

    enum Endpoint {
        LIST,
        GET,
        CREATE,
        PATCH,
        REPLY,
        NOTE,
        MERGE,
        DOWNLOAD
    }

    /** The expected status per endpoint, in the order of {@link Who}. */
    private static final Map<Endpoint, int[]> EXPECTED = Map.of(
            Endpoint.LIST, new int[] {200, 200, 200, 200, 200, 401},
            Endpoint.GET, new int[] {200, 200, 200, 200, 404, 401},
            Endpoint.CREATE, new int[] {201, 201, 201, 201, 201, 401},
            Endpoint.PATCH, new int[] {200, 200, 200, 403, 403, 401},
            Endpoint.REPLY, new int[] {201, 201, 201, 201, 404, 401},
            Endpoint.NOTE, new int[] {201, 201, 201, 403, 403, 401},
            Endpoint.MERGE, new int[] {200, 200, 200, 403, 403, 401},
            Endpoint.DOWNLOAD, new int[] {200, 200, 200, 200, 404, 401});

    @LocalServerPort
    int port;

    Api api;
    Desk desk;
    Desk.Person supervisor;
    Desk.Person agent;
    Desk.Person owner;
    Desk.Person other;

    @BeforeAll
    void people() {
        api = new Api(port);
        desk = new Desk(api);
        supervisor = desk.supervisor();
        agent = desk.agent();
        owner = desk.customer();
        other = desk.customer();
        // Both customers get their customer record with a first ticket of their own.
        desk.ticketBy(owner, Api.unique("primo"));
        desk.ticketBy(other, Api.unique("primo"));
    }

    static Stream<Arguments> matrix() {
        return Arrays.stream(Endpoint.values())
                .flatMap(endpoint -> Arrays.stream(Who.values())
                        .map(who -> Arguments.of(endpoint, who, EXPECTED.get(endpoint)[who.ordinal()])));
    }

    @ParameterizedTest(name = "{0} as {1} -> {2}")
    @MethodSource("matrix")
    void eachRoleGetsTheExpectedAnswerFromEachEndpoint(Endpoint endpoint, Who who, int expected) {
        JsonNode ticket = ownersTicketWithAttachment();
        long id = ticket.get("id").asLong();
        long attachment = ticket.get("messages")
                .get(0)
                .get("attachments")
                .get(0)
                .get("id")
                .asLong();
        String token = token(who);

        int status = call(endpoint, token, id, attachment);

        assertThat(status).as(endpoint + " as " + who).isEqualTo(expected);
        JsonNode after = api.get(TICKETS + "/" + id, ADMIN).json();
        if (expected >= 400) {
            assertThat(after.get("version").asLong())
                    .as("a refused call changes nothing")
                    .isEqualTo(ticket.get("version").asLong());
            assertThat(after.get("messages")).hasSize(1);
            assertThat(after.get("status").asString()).isEqualTo("new");
        }
    }

    private int call(Endpoint endpoint, String token, long id, long attachment) {
        Api.Reply reply;
        switch (endpoint) {
            case LIST -> reply = api.get(TICKETS, token);
            case GET -> {
                reply = api.get(TICKETS + "/" + id, token);
                if (reply.status() == 200) {
                    assertThat(reply.json().get("id").asLong()).isEqualTo(id);
                }
            }
            case CREATE -> {
                String subject = Api.unique("matrice");
                reply = api.post(
                        TICKETS,
                        token,
                        object(
                                "subject",
                                subject,
                                "customer",
                                object("email", Api.unique("matrice") + "@example.it"),
                                "message",
                                object("body", "Ciao")));
                if (reply.status() == 201) {
                    assertThat(reply.json().get("subject").asString()).isEqualTo(subject);
                }
            }
            case PATCH -> {
                reply = api.patch(TICKETS + "/" + id, token, object("priority", "urgent"));
                if (reply.status() == 200) {
                    assertThat(reply.json().get("priority").asString()).isEqualTo("urgent");
                }
            }
            case REPLY -> reply = api.post(TICKETS + "/" + id + "/messages", token, object("body", "Risposta"));
            case NOTE ->
                reply = api.post(TICKETS + "/" + id + "/messages", token, object("body", "Nota", "type", "note"));
            case MERGE -> {
                long target = desk.ticketBy(owner, Api.unique("destinazione"))
                        .get("id")
                        .asLong();
                reply = api.post(TICKETS + "/" + id + "/merge", token, object("targetId", target));
                JsonNode targetAfter = api.get(TICKETS + "/" + target, ADMIN).json();
                assertThat(targetAfter.get("messages"))
                        .as("the target has the source's messages only after a merge")
                        .hasSize(reply.status() == 200 ? 2 : 1);
            }
            case DOWNLOAD -> {
                HttpResponse<byte[]> download = api.download("/api/v1/attachments/" + attachment, token);
                if (download.statusCode() == 200) {
                    assertThat(new String(download.body(), StandardCharsets.UTF_8))
                            .isEqualTo("ricevuta del cliente");
                } else {
                    assertThat(download.headers().firstValue("Content-Type"))
                            .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
                }
                return download.statusCode();
            }
            default -> throw new IllegalStateException(endpoint.name());
        }
        if (reply.status() >= 400) {
            assertProblem(reply, reply.status());
        }
        return reply.status();
    }

    @Test
    void aCustomerCannotTellAnotherCustomersTicketFromAMissingOne() {
        long others = desk.ticketBy(other, Api.unique("altrui")).get("id").asLong();

        JsonNode hidden = assertProblem(api.get(TICKETS + "/" + others, owner.token()), 404);
        JsonNode missing = assertProblem(api.get(TICKETS + "/" + 987_654_321_099L, owner.token()), 404);

        assertThat(hidden.get("title").asString())
                .isEqualTo(missing.get("title").asString());
        assertThat(hidden.get("detail").asString())
                .isEqualTo(missing.get("detail").asString().replace("987654321099", String.valueOf(others)));
        assertThat(hidden.toString()).doesNotContain(other.email());
    }

    @Test
    void aCustomerNeverSeesAnotherCustomersTicketsInLists() {
        String word = Api.unique("riservato");
        long others = desk.ticketBy(other, "Problema " + word).get("id").asLong();
        long own = desk.ticketBy(owner, "Anche io " + word).get("id").asLong();
        long otherCustomerId = api.get(TICKETS + "/" + others, ADMIN)
                .json()
                .get("requester")
                .get("id")
                .asLong();
        long ownCustomerId = api.get(TICKETS + "/" + own, ADMIN)
                .json()
                .get("requester")
                .get("id")
                .asLong();

        assertThat(ids(api.get(TICKETS + "?q=" + word, ADMIN))).containsExactlyInAnyOrder(own, others);
        assertThat(ids(api.get(TICKETS + "?q=" + word, owner.token()))).containsExactly(own);
        assertThat(ids(api.get(TICKETS + "?customer=" + otherCustomerId, owner.token())))
                .as("asking for another customer still shows only one's own")
                .doesNotContain(others);

        JsonNode everything = api.get(TICKETS + "?size=100", owner.token()).json();
        assertThat(everything.get("total").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(StreamSupport.stream(everything.get("items").spliterator(), false)
                        .map(t -> t.get("requester").get("id").asLong()))
                .containsOnly(ownCustomerId);
    }

    @Test
    void aCustomerNeverSeesInternalNotesOrTheActivityOfTheirOwnTicket() throws InterruptedException {
        String secret = Api.unique("segreto");
        long id = desk.ticketBy(owner, Api.unique("mio")).get("id").asLong();
        assertThat(api.post(
                                TICKETS + "/" + id + "/messages",
                                agent.token(),
                                object("body", "Nota " + secret, "type", "note"))
                        .status())
                .isEqualTo(201);
        api.post(TICKETS + "/" + id + "/messages", agent.token(), object("body", "Risposta pubblica"));
        assertThat(api.patch(TICKETS + "/" + id, agent.token(), object("status", "pending", "assigneeId", agent.id()))
                        .status())
                .isEqualTo(200);
        JsonNode staffView = awaitActivity(id, 3);
        assertThat(staffView.get("messages")).hasSize(3);

        Api.Reply customerView = api.get(TICKETS + "/" + id, owner.token());

        assertThat(customerView.status()).isEqualTo(200);
        JsonNode ticket = customerView.json();
        assertThat(ticket.get("messages")).hasSize(2);
        assertThat(ticket.get("messages"))
                .allSatisfy(m -> assertThat(m.get("internal").asBoolean()).isFalse());
        assertThat(customerView.body()).doesNotContain(secret);
        JsonNode activity = ticket.get("activity");
        assertThat(activity == null || activity.isNull() || activity.isEmpty())
                .as("no activity for customers: " + activity)
                .isTrue();
        assertThat(ids(api.get(TICKETS + "?q=" + secret, owner.token()))).isEmpty();
    }

    @Test
    void aCustomerCannotDownloadTheAttachmentOfAnInternalNote() {
        long id = desk.ticketBy(owner, Api.unique("allegati")).get("id").asLong();
        Api.Reply note = api.multipart(
                TICKETS + "/" + id + "/messages",
                agent.token(),
                "message",
                object("body", "Log interno", "type", "note"),
                Map.of("f", new Api.FilePart("log.txt", "text/plain", "password=segreta".getBytes())));
        Api.Reply reply = api.multipart(
                TICKETS + "/" + id + "/messages",
                agent.token(),
                "message",
                object("body", "Ecco la guida"),
                Map.of("f", new Api.FilePart("guida.txt", "text/plain", "passo 1".getBytes())));
        assertThat(note.status()).as(note.toString()).isEqualTo(201);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        long internal = note.json().get("attachments").get(0).get("id").asLong();
        long shared = reply.json().get("attachments").get(0).get("id").asLong();

        HttpResponse<byte[]> refused = api.download("/api/v1/attachments/" + internal, owner.token());
        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(new String(refused.body(), StandardCharsets.UTF_8)).doesNotContain("segreta");
        assertThat(api.download("/api/v1/attachments/" + internal, agent.token())
                        .statusCode())
                .isEqualTo(200);
        HttpResponse<byte[]> allowed = api.download("/api/v1/attachments/" + shared, owner.token());
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.body()).isEqualTo("passo 1".getBytes());
        assertThat(api.download("/api/v1/attachments/" + shared, other.token()).statusCode())
                .isEqualTo(404);
    }

    @Test
    void aCustomersCreateIgnoresWhatOnlyStaffMaySetAndMakesThemTheRequester() {
        String foreignEmail = Api.unique("qualcunaltro") + "@example.it";
        Api.Reply group = api.post("/api/v1/groups", ADMIN, object("name", Api.unique("Gruppo"), "members", List.of()));
        assertThat(group.status()).as(group.toString()).isEqualTo(201);

        Api.Reply created = api.post(
                TICKETS,
                owner.token(),
                object(
                        "subject",
                        "Voglio la priorità",
                        "customer",
                        object("email", foreignEmail, "name", "Qualcun altro"),
                        "message",
                        object("body", "Urgentissimo"),
                        "priority",
                        "urgent",
                        "assigneeId",
                        agent.id(),
                        "groupId",
                        group.json().get("id").asLong(),
                        "tags",
                        List.of("vip"),
                        "channel",
                        "chat"));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode ticket = created.json();
        assertThat(ticket.get("requester").get("email").asString()).isEqualTo(owner.email());
        assertThat(ticket.get("priority").asString()).isEqualTo("normal");
        assertThat(ticket.get("assignee").isNull()).isTrue();
        assertThat(ticket.get("groupId").isNull()).isTrue();
        assertThat(ticket.get("tags")).isEmpty();
        assertThat(ticket.get("status").asString()).isEqualTo("new");
        assertThat(ticket.get("messages").get(0).get("author").get("type").asString())
                .isEqualTo("customer");
        assertThat(api.get("/api/v1/customers?exactEmail=" + foreignEmail, ADMIN)
                        .status())
                .as("no customer was made from the address the customer sent")
                .isEqualTo(404);
        assertThat(api.get(TICKETS + "/" + ticket.get("id").asLong(), owner.token())
                        .status())
                .isEqualTo(200);
    }

    @Test
    void customersCannotReachTheCustomerDirectory() {
        assertProblem(api.get("/api/v1/customers?exactEmail=" + owner.email(), owner.token()), 403);
        assertThat(api.get("/api/v1/customers?exactEmail=" + owner.email(), agent.token())
                        .status())
                .isEqualTo(200);
    }

    // --- helpers

    private JsonNode ownersTicketWithAttachment() {
        Api.Reply created = api.multipart(
                TICKETS,
                owner.token(),
                "ticket",
                object("subject", Api.unique("accesso"), "message", object("body", "Allego la ricevuta")),
                Map.of("f", new Api.FilePart("ricevuta.txt", "text/plain", "ricevuta del cliente".getBytes())));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    private String token(Who who) {
        return switch (who) {
            case ADMIN -> ADMIN;
            case SUPERVISOR -> supervisor.token();
            case AGENT -> agent.token();
            case OWNER -> owner.token();
            case OTHER_CUSTOMER -> other.token();
            case ANONYMOUS -> null;
        };
    }

    private JsonNode awaitActivity(long id, int entries) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        JsonNode ticket;
        do {
            ticket = api.get(TICKETS + "/" + id, agent.token()).json();
            if (ticket.get("activity").size() >= entries) {
                return ticket;
            }
            Thread.sleep(100);
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError("activity did not reach " + entries + " entries: " + ticket.get("activity"));
    }

    private static List<Long> ids(Api.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return StreamSupport.stream(reply.json().get("items").spliterator(), false)
                .map(t -> t.get("id").asLong())
                .toList();
    }
}
