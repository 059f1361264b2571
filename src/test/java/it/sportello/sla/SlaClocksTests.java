package it.sportello.sla;

import static it.sportello.support.Api.object;
import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.customer.CustomerId;
import it.sportello.identity.Notifications;
import it.sportello.identity.UserId;
import it.sportello.support.Api;
import it.sportello.support.ApiTestCase;
import it.sportello.support.Desk;
import it.sportello.support.IntegrationTest;
import it.sportello.support.MovableClock;
import it.sportello.ticket.Channel;
import it.sportello.ticket.TicketId;
import it.sportello.ticket.TicketManagement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Each ticket's clocks through the real application: the policy that applies, clocks that stop,
 * pause and resume with the ticket, and warnings and breaches that fire once when time moves past
 * them. Each test's policies ask for a tag of its own, so they apply to its tickets only.
 */
@IntegrationTest
class SlaClocksTests extends ApiTestCase {

    /** Generous: a moved clock makes every timer of the shared test database due at once. */
    private static final Duration WAIT = Duration.ofSeconds(45);

    @Autowired
    MovableClock time;

    @Autowired
    SlaPolicies policies;

    @Autowired
    SlaClockRepository clocks;

    @Autowired
    TicketManagement tickets;

    @Autowired
    Notifications notifications;

    @Autowired
    Calendars calendars;

    @AfterEach
    void backToNow() {
        time.reset();
    }

    @Test
    void anEmailTicketGetsTheStandardPolicyOnOfficeHours() {
        JsonNode ticket = desk.ticket("Fattura errata");
        JsonNode sla = slaOf(ticket.get("id").asLong(), s -> s.hasNonNull("firstResponseDueAt"));

        Instant created = Instant.parse(ticket.get("createdAt").asString());
        BusinessCalendar office = calendars.businessCalendar(null);
        assertThat(sla.get("policy").asString()).isEqualTo("Standard");
        assertThat(Instant.parse(sla.get("firstResponseDueAt").asString()))
                .isEqualTo(office.plus(created, Duration.ofHours(8)));
        assertThat(Instant.parse(sla.get("resolutionDueAt").asString()))
                .isEqualTo(office.plus(created, Duration.ofHours(27)));
        assertThat(sla.get("nextResponseDueAt").isNull()).isTrue();
        assertThat(sla.get("breached")).isEmpty();
    }

    @Test
    void aChatTicketMustBeAnsweredWithinTwoMinutesAroundTheClock() {
        Api.Reply created = api.post(
                "/api/v1/tickets",
                Desk.ADMIN,
                object(
                        "subject",
                        "Chat con Ada",
                        "customer",
                        object("email", Api.unique("ada") + "@example.it"),
                        "message",
                        object("body", "Salve"),
                        "channel",
                        "chat"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode sla = slaOf(created.json().get("id").asLong(), s -> s.hasNonNull("firstResponseDueAt"));

        assertThat(sla.get("policy").asString()).isEqualTo("Chat");
        assertThat(Instant.parse(sla.get("firstResponseDueAt").asString()))
                .isEqualTo(Instant.parse(created.json().get("createdAt").asString())
                        .plus(Duration.ofMinutes(2)));
        assertThat(sla.get("resolutionDueAt").isNull()).isTrue();
    }

    @Test
    void customersDoNotSeeTheClocks() {
        Desk.Person customer = desk.customer();
        JsonNode ticket = desk.ticketBy(customer, "Consegna in ritardo");
        long id = ticket.get("id").asLong();
        slaOf(id, s -> s.hasNonNull("firstResponseDueAt"));

        JsonNode seen = api.get("/api/v1/tickets/" + id, customer.token()).json();
        assertThat(seen.has("sla")).isFalse();
    }

    @Test
    void warnsAndBreachesOnceWhenTimeMovesPastAndEscalates() throws Exception {
        String tag = Api.unique("sla-breach");
        Desk.Person supervisor = desk.supervisor();
        long group = api.post(
                        "/api/v1/groups",
                        Desk.ADMIN,
                        object("name", Api.unique("Gruppo"), "members", List.of(supervisor.id())))
                .json()
                .get("id")
                .asLong();
        policies.create(
                Api.unique("Dieci minuti"),
                aroundTheClock(
                        tag,
                        10,
                        null,
                        null,
                        50,
                        List.of(
                                rule(
                                        SlaTarget.FIRST_RESPONSE,
                                        EscalationMoment.WARNING,
                                        EscalationAction.NOTIFY_SUPERVISORS),
                                rule(
                                        SlaTarget.FIRST_RESPONSE,
                                        EscalationMoment.BREACH,
                                        EscalationAction.NOTIFY_SUPERVISORS),
                                rule(
                                        SlaTarget.FIRST_RESPONSE,
                                        EscalationMoment.BREACH,
                                        EscalationAction.RAISE_PRIORITY))));
        long id = ticket(tag, group);
        SlaClock first = clockOf(id, SlaTarget.FIRST_RESPONSE, SlaClock::isRunning);
        UserId reader = new UserId(supervisor.id());

        time.advance(Duration.ofMinutes(6));
        await(() -> keys(reader).contains("sla.notice.warning.first_response"));
        assertThat(clockOf(id, SlaTarget.FIRST_RESPONSE, SlaClock::warned).breachedInCycle())
                .isFalse();

        time.advance(Duration.ofMinutes(5));
        await(() -> keys(reader).contains("sla.notice.breach.first_response"));
        SlaClock breached = clockOf(id, SlaTarget.FIRST_RESPONSE, SlaClock::breached);
        assertThat(breached.breachedAt().orElseThrow())
                .isAfterOrEqualTo(first.dueAt().orElseThrow());
        JsonNode sla = slaOf(id, s -> s.get("breached").size() == 1);
        assertThat(sla.get("breached").get(0).asString()).isEqualTo("first_response");
        await(() -> api.get("/api/v1/tickets/" + id, Desk.ADMIN)
                .json()
                .get("priority")
                .asString()
                .equals("high"));

        // The scheduler polls every 200 ms: give a second firing every chance to happen.
        time.advance(Duration.ofMinutes(30));
        Thread.sleep(1_500);
        assertThat(keys(reader))
                .containsOnlyOnce("sla.notice.warning.first_response", "sla.notice.breach.first_response");
        assertThat(api.get("/api/v1/tickets/" + id, Desk.ADMIN)
                        .json()
                        .get("priority")
                        .asString())
                .as("raised once, not on each firing")
                .isEqualTo("high");
    }

    @Test
    void aPauseWhileTheTicketWaitsOnTheCustomerMovesTheDueTime() {
        String tag = Api.unique("sla-pause");
        policies.create(Api.unique("Un'ora"), aroundTheClock(tag, 60, null, null, 80, List.of()));
        long id = ticket(tag, null);
        Instant due = clockOf(id, SlaTarget.FIRST_RESPONSE, SlaClock::isRunning)
                .dueAt()
                .orElseThrow();

        change(id, "status", "pending");
        clockOf(id, SlaTarget.FIRST_RESPONSE, c -> c.state() == SlaClockState.PAUSED);
        assertThat(slaOf(id, s -> true).get("firstResponseDueAt").isNull()).isTrue();
        time.advance(Duration.ofMinutes(30));
        change(id, "status", "open");
        Instant resumed = clockOf(id, SlaTarget.FIRST_RESPONSE, SlaClock::isRunning)
                .dueAt()
                .orElseThrow();

        // Thirty minutes on hold, plus the real time between the two requests (and under a second
        // of rounding: used time is kept in whole seconds).
        assertThat(Duration.between(due, resumed))
                .isBetween(
                        Duration.ofMinutes(30).minusSeconds(1),
                        Duration.ofMinutes(30).plusSeconds(15));
    }

    @Test
    void aReplyMeetsTheFirstResponseAndTheCustomersNextMessageStartsTheNextOne() {
        String tag = Api.unique("sla-next");
        policies.create(Api.unique("Risposte"), aroundTheClock(tag, 60, 30, 600, 80, List.of()));
        long id = ticket(tag, null);
        clockOf(id, SlaTarget.RESOLUTION, SlaClock::isRunning);

        reply(id, "Ci stiamo lavorando.");
        clockOf(id, SlaTarget.FIRST_RESPONSE, c -> c.state() == SlaClockState.STOPPED);
        assertThat(clocks.findByTicketIdAndTarget(id, SlaTarget.NEXT_RESPONSE)).isEmpty();

        time.advance(Duration.ofMinutes(5));
        Instant wrote = customerWrites(id, "Novità?");
        SlaClock next = clockOf(id, SlaTarget.NEXT_RESPONSE, SlaClock::isRunning);
        assertThat(next.dueAt()).contains(wrote.plus(Duration.ofMinutes(30)));

        reply(id, "Sì: spedito oggi.");
        clockOf(id, SlaTarget.NEXT_RESPONSE, c -> c.state() == SlaClockState.STOPPED);
        assertThat(clockOf(id, SlaTarget.RESOLUTION, SlaClock::isRunning).cycle())
                .isEqualTo(1);
    }

    @Autowired
    SlaClocks engine;

    @Test
    void repeatedLateAndReorderedEventsChangeNothingTwice() {
        String tag = Api.unique("sla-again");
        policies.create(Api.unique("Di nuovo"), aroundTheClock(tag, 60, 30, null, 80, List.of()));
        long id = ticket(tag, null);
        TicketId ticket = new TicketId(id);
        clockOf(id, SlaTarget.FIRST_RESPONSE, SlaClock::isRunning);
        reply(id, "Eccoci.");
        clockOf(id, SlaTarget.FIRST_RESPONSE, c -> c.state() == SlaClockState.STOPPED);
        Instant replied = tickets.find(ticket).orElseThrow().firstReplyAt().orElseThrow();
        Instant wrote = customerWrites(id, "Grazie, ma ancora nulla.");
        SlaClock next = clockOf(id, SlaTarget.NEXT_RESPONSE, SlaClock::isRunning);

        // The same message delivered again, the old reply delivered late, the creation delivered again.
        engine.customerWrote(ticket, wrote);
        engine.agentReplied(ticket, replied);
        engine.ticketChanged(ticket, tickets.find(ticket).orElseThrow().createdAt());

        SlaClock again =
                clocks.findByTicketIdAndTarget(id, SlaTarget.NEXT_RESPONSE).orElseThrow();
        assertThat(again.isRunning()).isTrue();
        assertThat(again.cycle()).isEqualTo(next.cycle());
        assertThat(again.dueAt()).isEqualTo(next.dueAt());
        SlaClock first =
                clocks.findByTicketIdAndTarget(id, SlaTarget.FIRST_RESPONSE).orElseThrow();
        assertThat(first.state()).isEqualTo(SlaClockState.STOPPED);
        assertThat(first.stoppedAt()).contains(replied);
        assertThat(clocks.findByTicketIdOrderById(id)).hasSize(2);
    }

    @Test
    void resolutionStopsWhenSolvedAndCountsOnWhenTheCustomerReopens() {
        String tag = Api.unique("sla-reopen");
        policies.create(Api.unique("Risoluzione"), aroundTheClock(tag, null, null, 120, 80, List.of()));
        long id = ticket(tag, null);
        Instant due =
                clockOf(id, SlaTarget.RESOLUTION, SlaClock::isRunning).dueAt().orElseThrow();

        time.advance(Duration.ofMinutes(10));
        change(id, "status", "solved");
        clockOf(id, SlaTarget.RESOLUTION, c -> c.state() == SlaClockState.STOPPED);
        await(() -> tickets.find(new TicketId(id)).orElseThrow().slaDueAt().isEmpty());

        time.advance(Duration.ofMinutes(60));
        customerWrites(id, "Il problema si ripresenta");
        Instant again =
                clockOf(id, SlaTarget.RESOLUTION, SlaClock::isRunning).dueAt().orElseThrow();

        // The hour it stayed solved does not count.
        assertThat(Duration.between(due, again))
                .isBetween(
                        Duration.ofMinutes(60).minusSeconds(1),
                        Duration.ofMinutes(60).plusSeconds(15));
        await(() -> tickets.find(new TicketId(id)).orElseThrow().slaDueAt().equals(Optional.of(again)));
    }

    @Test
    void thePolicyIsChosenByConditionsInOrderAndAgainWhenTheTicketChanges() {
        String tag = Api.unique("sla-order");
        SlaPolicy urgent = policies.create(
                Api.unique("Urgenti"), withConditions(tag, Set.of(it.sportello.ticket.Priority.URGENT), Set.of(), 15));
        SlaPolicy tagged = policies.create(Api.unique("Etichetta"), withConditions(tag, Set.of(), Set.of(), 120));
        Long organisation = organisationId();
        SlaPolicy company =
                policies.create(Api.unique("Azienda"), withConditions(tag, Set.of(), Set.of(organisation), 30));

        assertThat(policies.applicableTo(Channel.EMAIL, it.sportello.ticket.Priority.URGENT, null, Set.of(tag))
                        .id())
                .isEqualTo(urgent.id());
        assertThat(policies.applicableTo(Channel.EMAIL, it.sportello.ticket.Priority.NORMAL, organisation, Set.of(tag))
                        .id())
                .as("the tag policy comes first")
                .isEqualTo(tagged.id());
        assertThat(policies.applicableTo(Channel.EMAIL, it.sportello.ticket.Priority.NORMAL, null, Set.of("altro"))
                        .id())
                .isEqualTo(policies.all().getLast().id());
        assertThat(policies.all().getLast().isCatchAll()).isTrue();

        policies.move(company.id(), true);
        policies.move(company.id(), true);
        assertThat(policies.applicableTo(Channel.EMAIL, it.sportello.ticket.Priority.NORMAL, organisation, Set.of(tag))
                        .id())
                .isEqualTo(company.id());
        assertThat(policies.applicableTo(Channel.EMAIL, it.sportello.ticket.Priority.URGENT, organisation, Set.of(tag))
                        .id())
                .as("now before the urgent one too")
                .isEqualTo(company.id());

        long id = ticket(tag, null);
        assertThat(slaOf(id, s -> s.hasNonNull("firstResponseDueAt"))
                        .get("policy")
                        .asString())
                .isEqualTo(tagged.name());
        change(id, "priority", "urgent");
        JsonNode sla = slaOf(id, s -> s.get("policy").asString().equals(urgent.name()));
        Instant created = Instant.parse(api.get("/api/v1/tickets/" + id, Desk.ADMIN)
                .json()
                .get("createdAt")
                .asString());
        assertThat(Duration.between(
                        created, Instant.parse(sla.get("firstResponseDueAt").asString())))
                .as("15 minutes from the start, the time used so far still used")
                .isBetween(
                        Duration.ofMinutes(15).minusSeconds(1),
                        Duration.ofMinutes(15).plusSeconds(1));
    }

    @Test
    void promisesTheFirstResponseOfTheApplicablePolicy() {
        ResponsePromise mail = promises.firstResponse(Channel.EMAIL, it.sportello.ticket.Priority.NORMAL);
        ResponsePromise chat = promises.firstResponse(Channel.CHAT, it.sportello.ticket.Priority.NORMAL);

        assertThat(mail).isEqualTo(new ResponsePromise(Duration.ofHours(8), true));
        assertThat(chat).isEqualTo(new ResponsePromise(Duration.ofMinutes(2), false));
    }

    @Autowired
    ResponsePromises promises;

    @Autowired
    it.sportello.customer.CustomerManagement customers;

    private Long organisationId() {
        var customer = customers.create(new it.sportello.customer.CustomerManagement.NewCustomer(
                "Ada", List.of(Api.unique("ada") + "@example.it"), List.of(), Api.unique("Acme"), null, null));
        return customer.organisation().orElseThrow().id();
    }

    private static PolicyRules withConditions(
            String tag, Set<it.sportello.ticket.Priority> priorities, Set<Long> organisations, int minutes) {
        return new PolicyRules(
                Set.of(),
                priorities,
                organisations,
                Set.of(tag),
                2L,
                minutes,
                null,
                null,
                PolicyRules.PAUSABLE,
                80,
                List.of());
    }

    private static PolicyRules aroundTheClock(
            String tag,
            Integer firstResponse,
            Integer nextResponse,
            Integer resolution,
            int warningPercent,
            List<EscalationRule> escalations) {
        return new PolicyRules(
                Set.of(),
                Set.of(),
                Set.of(),
                Set.of(tag),
                2L,
                firstResponse,
                nextResponse,
                resolution,
                PolicyRules.PAUSABLE,
                warningPercent,
                escalations);
    }

    private static EscalationRule rule(SlaTarget target, EscalationMoment moment, EscalationAction action) {
        return new EscalationRule(target, moment, action, null, null, null);
    }

    private long ticket(String tag, Long group) {
        Map<String, Object> body = object(
                "subject",
                "Ordine " + tag,
                "customer",
                object("email", Api.unique("cliente") + "@example.it"),
                "message",
                object("body", "Dov'è il mio ordine?"),
                "channel",
                "email",
                "priority",
                "normal",
                "tags",
                List.of(tag));
        if (group != null) {
            body.put("groupId", group);
        }
        Api.Reply created = api.post("/api/v1/tickets", Desk.ADMIN, body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    private void change(long id, String field, String value) {
        Api.Reply changed = api.patch("/api/v1/tickets/" + id, Desk.ADMIN, Map.of(field, value));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
    }

    private void reply(long id, String text) {
        Api.Reply replied = api.post("/api/v1/tickets/" + id + "/messages", Desk.ADMIN, object("body", text));
        assertThat(replied.status()).as(replied.toString()).isEqualTo(201);
    }

    private Instant customerWrites(long id, String text) {
        var ticket = tickets.find(new TicketId(id)).orElseThrow();
        return tickets.receiveFollowUp(
                        new TicketId(id),
                        new CustomerId(ticket.requester().value()),
                        new TicketManagement.Body(text, null),
                        Channel.EMAIL,
                        List.of())
                .message()
                .createdAt();
    }

    private List<String> keys(UserId reader) {
        return notifications.latest(reader, 50).stream()
                .map(n -> n.messageKey())
                .toList();
    }

    private SlaClock clockOf(long ticket, SlaTarget target, Predicate<SlaClock> until) {
        SlaClock[] found = new SlaClock[1];
        await(() -> {
            found[0] =
                    clocks.findByTicketIdAndTarget(ticket, target).filter(until).orElse(null);
            return found[0] != null;
        });
        return found[0];
    }

    private JsonNode slaOf(long ticket, Predicate<JsonNode> until) {
        JsonNode[] found = new JsonNode[1];
        await(() -> {
            JsonNode sla =
                    api.get("/api/v1/tickets/" + ticket, Desk.ADMIN).json().get("sla");
            found[0] = sla;
            return sla != null && !sla.isNull() && until.test(sla);
        });
        return found[0];
    }

    private static void await(java.util.function.BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(WAIT);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Still not so after " + WAIT);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
