package it.sportello.ticket;

import static it.sportello.support.Api.object;
import static it.sportello.support.Desk.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.support.Api;
import it.sportello.support.ApiTestCase;
import it.sportello.support.Desk;
import it.sportello.support.IntegrationTest;
import java.time.Instant;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class TicketApiTests extends ApiTestCase {

    @Test
    void createsATicketWithItsCustomerAndFirstMessage() {
        String email = Api.unique("mario") + "@example.it";
        Api.Reply reply = api.post(
                "/api/v1/tickets",
                ADMIN,
                object(
                        "subject",
                        "  Ordine 1234 non arrivato ",
                        "customer",
                        object("email", email.toUpperCase(), "name", "Mario Rossi"),
                        "message",
                        object("body", "Buongiorno,\nl'ordine non è arrivato."),
                        "channel",
                        "web",
                        "priority",
                        "high",
                        "tags",
                        List.of("Consegna", "ordine")));

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.header("Location"))
                .isEqualTo("/api/v1/tickets/" + reply.json().get("id").asLong());
        JsonNode ticket = reply.json();
        assertThat(ticket.get("id").asLong()).isPositive();
        assertThat(ticket.get("subject").asString()).isEqualTo("Ordine 1234 non arrivato");
        assertThat(ticket.get("status").asString()).isEqualTo("new");
        assertThat(ticket.get("priority").asString()).isEqualTo("high");
        assertThat(ticket.get("channel").asString()).isEqualTo("web");
        assertThat(ticket.get("tags")).extracting(JsonNode::asString).containsExactly("consegna", "ordine");
        assertThat(ticket.get("requester").get("email").asString()).isEqualTo(email);
        assertThat(ticket.get("requester").get("name").asString()).isEqualTo("Mario Rossi");
        assertThat(Instant.parse(ticket.get("createdAt").asString()))
                .isBefore(Instant.now().plusSeconds(1));
        assertThat(ticket.get("firstReplyAt").isNull()).isTrue();
        JsonNode message = ticket.get("messages").get(0);
        assertThat(message.get("author").get("type").asString()).isEqualTo("customer");
        assertThat(message.get("body").asString()).isEqualTo("Buongiorno,\nl'ordine non è arrivato.");
        assertThat(message.get("html").asString()).isEqualTo("<p>Buongiorno,<br>l&apos;ordine non è arrivato.</p>");
    }

    @Test
    void sanitisesHtmlBodies() {
        Api.Reply reply = api.post(
                "/api/v1/tickets",
                ADMIN,
                object(
                        "subject", "HTML",
                        "customer", object("email", Api.unique("html") + "@example.it"),
                        "message",
                                object(
                                        "html",
                                        "<p onclick=\"steal()\">Ciao <b>mondo</b></p><script>alert(1)</script><a href=\"javascript:x()\">link</a>")));

        assertThat(reply.status()).isEqualTo(201);
        String html = reply.json().get("messages").get(0).get("html").asString();
        assertThat(html).contains("<b>mondo</b>").doesNotContain("script", "onclick", "javascript");
        assertThat(reply.json().get("messages").get(0).get("body").asString()).isEqualTo("Ciao mondo\n\nlink");
    }

    @Test
    void findsTheSameCustomerAgainByEmail() {
        String email = Api.unique("ripetuto") + "@example.it";
        long first = desk.ticketFor(email, "Primo").get("requester").get("id").asLong();
        long second = desk.ticketFor(email.toUpperCase(), "Secondo")
                .get("requester")
                .get("id")
                .asLong();
        assertThat(second).isEqualTo(first);
    }

    @Test
    void repliesNotesAndTheTimestampsServiceMeasurementNeeds() {
        Desk.Person agent = desk.agent();
        long id = desk.ticket("Risposte").get("id").asLong();

        Api.Reply note = api.post(
                "/api/v1/tickets/" + id + "/messages", agent.token(), object("body", "Solo per noi", "type", "note"));
        assertThat(note.status()).isEqualTo(201);
        assertThat(note.json().get("internal").asBoolean()).isTrue();
        assertThat(api.get("/api/v1/tickets/" + id, ADMIN)
                        .json()
                        .get("firstReplyAt")
                        .isNull())
                .isTrue();

        Api.Reply reply = api.post(
                "/api/v1/tickets/" + id + "/messages", agent.token(), object("body", "Eccoci", "status", "pending"));
        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.json().get("author").get("id").asLong()).isEqualTo(agent.id());

        JsonNode ticket = api.get("/api/v1/tickets/" + id, ADMIN).json();
        assertThat(ticket.get("status").asString()).isEqualTo("pending");
        assertThat(ticket.get("firstReplyAt").asString())
                .isEqualTo(ticket.get("lastAgentReplyAt").asString());
        assertThat(ticket.get("messages")).hasSize(3);

        api.post("/api/v1/tickets/" + id + "/messages", agent.token(), object("body", "Ancora noi"));
        JsonNode later = api.get("/api/v1/tickets/" + id, ADMIN).json();
        assertThat(later.get("firstReplyAt").asString())
                .isEqualTo(ticket.get("firstReplyAt").asString());
        assertThat(Instant.parse(later.get("lastAgentReplyAt").asString()))
                .isAfter(Instant.parse(ticket.get("lastAgentReplyAt").asString()));
    }

    @Test
    void solvingAndReopeningIsCounted() {
        Desk.Person customer = desk.customer();
        long id = desk.ticketBy(customer, "Riapertura").get("id").asLong();
        assertThat(api.patch("/api/v1/tickets/" + id, ADMIN, object("status", "solved"))
                        .json()
                        .get("solvedAt")
                        .isNull())
                .isFalse();

        Api.Reply again = api.post(
                "/api/v1/tickets/" + id + "/messages", customer.token(), object("body", "Non funziona ancora"));
        assertThat(again.status()).isEqualTo(201);

        JsonNode ticket = api.get("/api/v1/tickets/" + id, ADMIN).json();
        assertThat(ticket.get("status").asString()).isEqualTo("open");
        assertThat(ticket.get("reopenedCount").asInt()).isEqualTo(1);
        assertThat(ticket.get("solvedAt").isNull()).isTrue();

        api.patch("/api/v1/tickets/" + id, ADMIN, object("status", "solved"));
        JsonNode closed = api.patch("/api/v1/tickets/" + id, ADMIN, object("status", "closed"))
                .json();
        assertThat(closed.get("closedAt").isNull()).isFalse();
    }

    @Test
    void changesPriorityAssigneeGroupAndTags() {
        Desk.Person agent = desk.agent();
        Api.Reply group =
                api.post("/api/v1/groups", ADMIN, object("name", Api.unique("Gruppo"), "members", List.of(agent.id())));
        long groupId = group.json().get("id").asLong();
        long id = desk.ticket("Modifiche").get("id").asLong();

        JsonNode changed = api.patch(
                        "/api/v1/tickets/" + id,
                        ADMIN,
                        object(
                                "priority",
                                "urgent",
                                "assigneeId",
                                agent.id(),
                                "groupId",
                                groupId,
                                "tags",
                                List.of("VIP", "vip", "reso merce")))
                .json();
        assertThat(changed.get("priority").asString()).isEqualTo("urgent");
        assertThat(changed.get("assignee").get("id").asLong()).isEqualTo(agent.id());
        assertThat(changed.get("groupId").asLong()).isEqualTo(groupId);
        assertThat(changed.get("tags")).extracting(JsonNode::asString).containsExactly("reso-merce", "vip");

        JsonNode unassigned = api.patch(
                        "/api/v1/tickets/" + id, ADMIN, java.util.Collections.singletonMap("assigneeId", null))
                .json();
        assertThat(unassigned.get("assignee").isNull()).isTrue();
        assertThat(unassigned.get("groupId").asLong())
                .as("group stays when only the assignee is cleared")
                .isEqualTo(groupId);
    }

    @Test
    void listsWithFiltersPagingAndSorting() {
        Desk.Person agent = desk.agent();
        String tag = Api.unique("lista").toLowerCase();
        long a = desk.ticket("Lista A " + tag).get("id").asLong();
        long b = desk.ticket("Lista B " + tag).get("id").asLong();
        long c = desk.ticket("Lista C " + tag).get("id").asLong();
        api.patch("/api/v1/tickets/" + a, ADMIN, object("tags", List.of(tag), "status", "pending"));
        api.patch(
                "/api/v1/tickets/" + b,
                ADMIN,
                object("tags", List.of(tag), "assigneeId", agent.id(), "status", "on_hold"));
        api.patch("/api/v1/tickets/" + c, ADMIN, object("tags", List.of(tag)));

        JsonNode page = api.get("/api/v1/tickets?tag=" + tag + "&size=2", ADMIN).json();
        assertThat(page.get("total").asLong()).isEqualTo(3);
        assertThat(page.get("size").asInt()).isEqualTo(2);
        assertThat(page.get("page").asInt()).isZero();
        assertThat(ids(page)).as("newest activity first").containsExactly(c, b);
        assertThat(ids(api.get("/api/v1/tickets?tag=" + tag + "&size=2&page=1", ADMIN)
                        .json()))
                .containsExactly(a);

        assertThat(ids(api.get("/api/v1/tickets?tag=" + tag + "&status=pending,on_hold", ADMIN)
                        .json()))
                .containsExactlyInAnyOrder(a, b);
        assertThat(ids(api.get("/api/v1/tickets?tag=" + tag + "&assignee=" + agent.id(), ADMIN)
                        .json()))
                .containsExactly(b);
        assertThat(ids(api.get("/api/v1/tickets?tag=" + tag + "&assignee=me", agent.token())
                        .json()))
                .containsExactly(b);
        assertThat(ids(api.get("/api/v1/tickets?tag=" + tag + "&assignee=none", ADMIN)
                        .json()))
                .containsExactlyInAnyOrder(a, c);
        assertThat(ids(api.get("/api/v1/tickets?tag=" + tag + "&channel=email", ADMIN)
                        .json()))
                .hasSize(3);
        assertThat(ids(api.get("/api/v1/tickets?tag=" + tag + "&channel=chat", ADMIN)
                        .json()))
                .isEmpty();
        assertThat(ids(api.get("/api/v1/tickets?tag=" + tag + "&sort=id,asc", ADMIN)
                        .json()))
                .containsExactly(a, b, c);
        assertThat(ids(api.get("/api/v1/tickets?q=" + "Lista+B+" + tag, ADMIN).json()))
                .containsExactly(b);
    }

    @Test
    void filtersByCustomerAndUpdatedSince() {
        String email = Api.unique("filtro") + "@example.it";
        JsonNode first = desk.ticketFor(email, "Uno");
        long customer = first.get("requester").get("id").asLong();
        Instant between = Instant.parse(first.get("updatedAt").asString()).plusMillis(1);
        long second = desk.ticketFor(email, "Due").get("id").asLong();

        assertThat(ids(api.get("/api/v1/tickets?customer=" + customer, ADMIN).json()))
                .hasSize(2);
        assertThat(ids(api.get("/api/v1/tickets?customer=" + customer + "&updatedSince=" + between, ADMIN)
                        .json()))
                .containsExactly(second);
    }

    @Test
    void fullTextSearchesMessagesButCustomersNeverFindNotes() {
        Desk.Person customer = desk.customer();
        String word = Api.unique("parolasegreta");
        long id = desk.ticketBy(customer, "Ricerca").get("id").asLong();
        api.post("/api/v1/tickets/" + id + "/messages", ADMIN, object("body", "Nota interna " + word, "type", "note"));

        assertThat(ids(api.get("/api/v1/tickets?q=" + word, ADMIN).json())).containsExactly(id);
        assertThat(ids(api.get("/api/v1/tickets?q=" + word, customer.token()).json()))
                .isEmpty();
    }

    @Test
    void mergesTicketsMovingTheMessagesAndClosingTheSource() {
        String email = Api.unique("merge") + "@example.it";
        long source = desk.ticketFor(email, "Doppione").get("id").asLong();
        long target = desk.ticketFor(email, "Originale").get("id").asLong();

        Api.Reply merged = api.post("/api/v1/tickets/" + source + "/merge", ADMIN, object("targetId", target));

        assertThat(merged.status()).isEqualTo(200);
        assertThat(merged.json().get("id").asLong()).isEqualTo(target);
        assertThat(merged.json().get("messages")).hasSize(2);
        JsonNode closed = api.get("/api/v1/tickets/" + source, ADMIN).json();
        assertThat(closed.get("status").asString()).isEqualTo("closed");
        assertThat(closed.get("mergedIntoId").asLong()).isEqualTo(target);
        assertThat(closed.get("messages")).isEmpty();
        assertThat(api.post("/api/v1/tickets/" + source + "/messages", ADMIN, object("body", "x"))
                        .status())
                .isEqualTo(409);
        assertThat(api.post("/api/v1/tickets/" + target + "/merge", ADMIN, object("targetId", target))
                        .status())
                .isEqualTo(409);
    }

    private static List<Long> ids(JsonNode page) {
        return StreamSupport.stream(page.get("items").spliterator(), false)
                .map(t -> t.get("id").asLong())
                .toList();
    }
}
