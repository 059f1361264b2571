package it.sportello.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import it.sportello.identity.UserId;
import it.sportello.support.Api;
import it.sportello.support.ApiTestCase;
import it.sportello.support.Desk;
import it.sportello.support.IntegrationTest;
import it.sportello.support.SlaDueTimes;
import it.sportello.ticket.TicketId;
import it.sportello.ticket.TicketManagement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Queues: ordered by service-level urgency, "take the next one", capacity freed handing over the
 * next ticket, and routers racing each other without giving an agent more than they can hold.
 */
@IntegrationTest
class RoutingQueueTests extends ApiTestCase {

    @Autowired
    TicketManagement tickets;

    @Autowired
    TicketRouter router;

    @Autowired
    it.sportello.identity.Notifications notifications;

    RoutingDesk routing;

    @BeforeEach
    void routingDesk() {
        routing = new RoutingDesk(api);
    }

    @Test
    void queueListsWaitingTicketsMostUrgentFirstAndTakeNextGivesTheMostUrgent() {
        Desk.Person agent = desk.agent();
        long group = routing.group(agent);
        Instant now = Instant.now();
        long later = routing.ticket(group, "it");
        long soon = routing.ticket(group, "it");
        long noClock = routing.ticket(group, "it");
        long overdue = routing.ticket(group, "it");
        SlaDueTimes.set(tickets, later, now.plus(Duration.ofHours(2)));
        SlaDueTimes.set(tickets, soon, now.plus(Duration.ofMinutes(20)));
        SlaDueTimes.set(tickets, overdue, now.minus(Duration.ofMinutes(5)));
        SlaDueTimes.set(tickets, noClock, null);

        JsonNode queue =
                api.get("/api/v1/routing/queues/" + group, agent.token()).json();

        assertThat(queue.get("waiting").asLong()).isEqualTo(4);
        assertThat(ids(queue.get("tickets"))).containsExactly(overdue, soon, later, noClock);
        assertThat(queue.get("tickets").get(0).get("slaDueAt").asString()).isNotBlank();

        Api.Reply taken = api.post("/api/v1/routing/queues/next", agent.token(), Api.object());
        assertThat(taken.status()).as(taken.toString()).isEqualTo(200);
        assertThat(taken.json().get("id").asLong()).isEqualTo(overdue);
        assertThat(routing.assigneeOf(overdue)).isEqualTo(agent.id());
        assertThat(ids(api.get("/api/v1/routing/queues/" + group, agent.token())
                        .json()
                        .get("tickets")))
                .containsExactly(soon, later, noClock);
    }

    @Test
    void takeNextAnswersNoContentWhenNothingWaitsInMyGroups() {
        Desk.Person loner = desk.agent();
        routing.group(loner);

        assertThat(api.post("/api/v1/routing/queues/next", loner.token(), Api.object())
                        .status())
                .isEqualTo(204);
    }

    @Test
    void anAgentWhoSolvesATicketIsHandedTheNextWaitingOne() {
        Desk.Person agent = desk.agent();
        long group = routing.group(agent);
        routing.available(agent, 1, "email", "web");
        routing.route(group, "least_loaded");
        long first = routing.ticket(group, "it");
        assertThat(routing.awaitAssignee(first)).isEqualTo(agent.id());
        long second = routing.ticket(group, "it");
        routing.assertStaysWaiting(second);

        routing.status(first, "solved");

        assertThat(routing.awaitAssignee(second)).isEqualTo(agent.id());
        assertThat(notifications.latest(new UserId(agent.id()), 10))
                .as("the agent is told of each ticket the desk gave them")
                .filteredOn(n -> n.messageKey().equals("routing.notice.assigned"))
                .extracting(n -> n.link().orElseThrow())
                .containsExactlyInAnyOrder("/tickets/" + first, "/tickets/" + second);
    }

    @Test
    void anAgentWhoseTicketIsTakenAwayIsHandedTheNextWaitingOne() {
        Desk.Person agent = desk.agent();
        Desk.Person colleague = desk.agent();
        long group = routing.group(agent);
        routing.available(agent, 1, "email");
        routing.route(group, "round_robin");
        long first = routing.ticket(group, "it");
        assertThat(routing.awaitAssignee(first)).isEqualTo(agent.id());
        long second = routing.ticket(group, "it");
        routing.assertStaysWaiting(second);

        routing.assign(first, colleague.id());

        assertThat(routing.awaitAssignee(second)).isEqualTo(agent.id());
    }

    @Test
    void concurrentRoutersNeverGiveAnAgentMoreThanTheirCapacity() throws Exception {
        Desk.Person first = desk.agent();
        Desk.Person second = desk.agent();
        long group = routing.group(first, second);
        routing.route(group, "least_loaded");
        List<Long> waiting = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            waiting.add(routing.ticket(group, "it"));
        }
        routing.assertStaysWaiting(waiting.getLast());

        // Both agents become available (each triggers a hand-over) while six routers run at once.
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Object>> work = new ArrayList<>();
            work.add(() -> {
                routing.available(first, 2, "email");
                return null;
            });
            work.add(() -> {
                routing.available(second, 1, "email");
                return null;
            });
            waiting.forEach(id -> work.add(() -> router.route(new TicketId(id))));
            work.add(() -> router.handOver(new UserId(first.id())));
            for (Future<Object> done : pool.invokeAll(work)) {
                done.get();
            }
        } finally {
            pool.shutdown();
        }

        await().atMost(RoutingDesk.PATIENCE).until(() -> assigned(waiting) == 3);
        // The listeners' own hand-overs arrive after their commits: still three, never more.
        await().during(Duration.ofMillis(1500)).atMost(RoutingDesk.PATIENCE).until(() -> assigned(waiting) == 3);
        List<Long> assignees =
                waiting.stream().map(routing::assigneeOf).filter(a -> a != null).toList();
        assertThat(assignees).filteredOn(a -> a == first.id()).hasSize(2);
        assertThat(assignees).filteredOn(a -> a == second.id()).hasSize(1);
    }

    @Test
    void aRedeliveredEventRoutesNothingTwice() {
        Desk.Person first = desk.agent();
        Desk.Person second = desk.agent();
        long group = routing.group(first, second);
        routing.available(first, 5, "email");
        routing.available(second, 5, "email");
        routing.route(group, "round_robin");
        long ticket = routing.ticket(group, "it");
        long picked = routing.awaitAssignee(ticket);

        // What an event delivered again would do: route the ticket, hand its agent more work.
        assertThat(router.route(new TicketId(ticket))).isEmpty();
        assertThat(router.handOver(new UserId(picked))).isZero();

        assertThat(routing.assigneeOf(ticket)).isEqualTo(picked);
        long next = routing.ticket(group, "it");
        assertThat(routing.awaitAssignee(next)).as("the turn moved on once").isNotEqualTo(picked);
    }

    @Test
    void theSweepHandsWaitingTicketsToAnAgentAddedToTheGroupLater() {
        Desk.Person agent = desk.agent();
        Desk.Person newcomer = desk.agent();
        long group = routing.group(agent);
        routing.route(group, "least_loaded");
        routing.available(newcomer, 5, "email");
        long ticket = routing.ticket(group, "it");
        routing.assertStaysWaiting(ticket);
        // Group membership is the identity module's and announces nothing.
        Api.Reply joined = api.patch(
                "/api/v1/groups/" + group, Desk.ADMIN, Api.object("members", List.of(agent.id(), newcomer.id())));
        assertThat(joined.status()).as(joined.toString()).isEqualTo(200);

        router.sweep();

        assertThat(routing.assigneeOf(ticket)).isEqualTo(newcomer.id());
    }

    private long assigned(List<Long> ids) {
        return ids.stream().filter(id -> routing.assigneeOf(id) != null).count();
    }

    private static List<Long> ids(JsonNode tickets) {
        return StreamSupport.stream(tickets.spliterator(), false)
                .map(t -> t.get("id").asLong())
                .toList();
    }
}
