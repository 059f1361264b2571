package it.sportello.ticket;

import static it.sportello.support.Api.object;
import static it.sportello.support.Desk.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.support.Api;
import it.sportello.support.ApiTestCase;
import it.sportello.support.Desk;
import it.sportello.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Requests racing for the same ticket or the same new customer: optimistic locking turns a lost
 * race into a clean 409 (never a 500, never a lost or doubled write), and the writes that the
 * management retries (messages, a new customer) all succeed exactly once.
 */
@IntegrationTest
class TicketConcurrencyTests extends ApiTestCase {

    private static final String TICKETS = "/api/v1/tickets";
    private static final List<String> PRIORITIES = List.of("low", "normal", "high", "urgent");

    ExecutorService pool;

    @BeforeEach
    void setUp() {
        pool = Executors.newFixedThreadPool(12);
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        pool.shutdownNow();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }

    @RepeatedTest(5)
    void twoChangesFromTheSameVersionLetExactlyOneWin() throws Exception {
        JsonNode ticket = desk.ticket(Api.unique("gara"));
        long id = ticket.get("id").asLong();
        long version = ticket.get("version").asLong();
        List<String> wanted = List.of("high", "urgent");

        List<Api.Reply> replies = race(
                2, i -> api.patch(TICKETS + "/" + id, ADMIN, object("priority", wanted.get(i), "version", version)));

        assertThat(replies).extracting(Api.Reply::status).containsExactlyInAnyOrder(200, 409);
        Api.Reply loser =
                replies.stream().filter(r -> r.status() == 409).findFirst().orElseThrow();
        Problems.assertProblem(loser, 409);
        String winner = replies.stream()
                .filter(r -> r.status() == 200)
                .findFirst()
                .orElseThrow()
                .json()
                .get("priority")
                .asString();
        JsonNode after = api.get(TICKETS + "/" + id, ADMIN).json();
        assertThat(after.get("priority").asString()).isEqualTo(winner);
        assertThat(after.get("version").asLong()).isEqualTo(version + 1);
    }

    @Test
    void manyChangesWithoutAVersionAreEachAppliedWholeOrRefusedCleanly() throws Exception {
        int writers = 12;
        JsonNode ticket = desk.ticket(Api.unique("folla"));
        long id = ticket.get("id").asLong();
        long version = ticket.get("version").asLong();

        List<Api.Reply> replies = race(
                writers,
                i -> api.patch(
                        TICKETS + "/" + id,
                        ADMIN,
                        object(
                                "priority",
                                PRIORITIES.get(i % PRIORITIES.size()),
                                "subject",
                                "Scrittore " + i,
                                "tags",
                                List.of("scrittore-" + i, "folla"))));

        assertThat(replies)
                .as("every answer is a success or a clean conflict: %s", replies)
                .allSatisfy(r -> assertThat(r.status()).isIn(200, 409));
        replies.stream().filter(r -> r.status() == 409).forEach(r -> Problems.assertProblem(r, 409));
        long successes = replies.stream().filter(r -> r.status() == 200).count();
        assertThat(successes).isPositive();

        JsonNode after = api.get(TICKETS + "/" + id, ADMIN).json();
        String subject = after.get("subject").asString();
        assertThat(subject).startsWith("Scrittore ");
        int last = Integer.parseInt(subject.substring("Scrittore ".length()));
        assertThat(replies.get(last).status()).as("the last writer succeeded").isEqualTo(200);
        assertThat(after.get("priority").asString())
                .as("all fields come from the same writer")
                .isEqualTo(PRIORITIES.get(last % PRIORITIES.size()));
        assertThat(after.get("tags")).extracting(JsonNode::asString).containsExactly("folla", "scrittore-" + last);
        assertThat(after.get("version").asLong())
                .as("one version per applied change")
                .isEqualTo(version + successes);
        assertThat(after.get("messages")).hasSize(1);
    }

    @Test
    void manyMessagesAtOnceAreAllStoredExactlyOnce() throws Exception {
        int writers = 10;
        Desk.Person customer = desk.customer();
        Desk.Person agent = desk.agent();
        long id = desk.ticketBy(customer, Api.unique("messaggi")).get("id").asLong();
        String marker = Api.unique("msg");

        List<Api.Reply> replies = race(
                writers,
                i -> api.post(
                        TICKETS + "/" + id + "/messages",
                        i % 2 == 0 ? customer.token() : agent.token(),
                        object("body", marker + " numero " + i)));

        assertThat(replies)
                .as("the management retries lost races: %s", replies)
                .allSatisfy(r -> assertThat(r.status()).isEqualTo(201));
        JsonNode after = api.get(TICKETS + "/" + id, ADMIN).json();
        Map<String, Long> bodies = StreamSupport.stream(after.get("messages").spliterator(), false)
                .map(m -> m.get("body").asString())
                .filter(b -> b.startsWith(marker))
                .collect(Collectors.groupingBy(b -> b, Collectors.counting()));
        assertThat(bodies)
                .hasSize(writers)
                .allSatisfy((body, count) -> assertThat(count).as(body).isEqualTo(1));
        assertThat(after.get("messages")).hasSize(writers + 1);
        assertThat(after.get("firstReplyAt").isNull()).isFalse();
        assertThat(after.get("status").asString()).isEqualTo("open");
    }

    @Test
    void manyTicketsAtOnceForOneNewAddressMakeOneCustomer() throws Exception {
        int writers = 8;
        String email = Api.unique("nuovo") + "@example.it";

        List<Api.Reply> replies = race(
                writers,
                i -> api.post(
                        TICKETS,
                        ADMIN,
                        object(
                                "subject",
                                "Contemporaneo " + i,
                                "customer",
                                object("email", email, "name", "Nuovo Cliente"),
                                "message",
                                object("body", "Ciao " + i))));

        assertThat(replies)
                .as("a lost race for the new customer is retried: %s", replies)
                .allSatisfy(r -> assertThat(r.status()).isEqualTo(201));
        List<Long> requesters = replies.stream()
                .map(r -> r.json().get("requester").get("id").asLong())
                .distinct()
                .toList();
        assertThat(requesters).hasSize(1);
        Api.Reply found = api.get("/api/v1/customers?exactEmail=" + email, ADMIN);
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.json().get("id").asLong()).isEqualTo(requesters.getFirst());
        assertThat(api.get("/api/v1/customers?email=" + email, ADMIN)
                        .json()
                        .get("total")
                        .asLong())
                .isEqualTo(1);
        assertThat(api.get(TICKETS + "?customer=" + requesters.getFirst(), ADMIN)
                        .json()
                        .get("total")
                        .asLong())
                .isEqualTo(writers);
    }

    /** Runs {@code calls} requests released together; answers in call order. */
    private List<Api.Reply> race(int calls, IntFunction<Api.Reply> call) throws Exception {
        CountDownLatch ready = new CountDownLatch(calls);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Api.Reply>> futures = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            int n = i;
            futures.add(pool.submit(() -> {
                ready.countDown();
                go.await();
                return call.apply(n);
            }));
        }
        assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
        go.countDown();
        List<Api.Reply> replies = new ArrayList<>();
        for (Future<Api.Reply> future : futures) {
            replies.add(future.get(60, TimeUnit.SECONDS));
        }
        return replies;
    }
}
