package it.sportello.sla;

import static it.sportello.support.Api.object;
import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.support.Api;
import it.sportello.support.ApiTestCase;
import it.sportello.support.Desk;
import it.sportello.support.Desk.Person;
import it.sportello.support.IntegrationTest;
import it.sportello.support.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The compliance figures of the API against a small desk computed by hand. The week of Easter 2031
 * in Rome (summer time, UTC+2): Thursday 10 and Friday 11 April are working days, the weekend and
 * Easter Monday 14 April are closed, Tuesday 15 is open again. Office hours 09:00–18:00 Rome are
 * 07:00–16:00 UTC. Every ticket is in a team made for this test, and the figures compared are that
 * team's row, so other tests' tickets never count.
 */
@IntegrationTest
class StandardsComplianceTests extends ApiTestCase {

    @Autowired
    MovableClock clock;

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void figuresMatchTheOnesComputedByHand() {
        Person agent = desk.agent();
        Person supervisor = desk.supervisor();
        long team = group("Squadra " + Api.unique("t"));
        String delivery = "consegna " + ThreadLocalRandom.current().nextInt(1_000_000);

        // First response within 8 business hours of the default calendar, e-mail only, floor 75 %.
        long email = standard(
                supervisor,
                object(
                        "name",
                        Api.unique("E-mail 8 ore"),
                        "measure",
                        "first_response",
                        "threshold",
                        "PT8H",
                        "businessTime",
                        true,
                        "channels",
                        List.of("email"),
                        "floor",
                        75));
        // A person answers a chat within 2 minutes, around the clock, floor 90 %.
        long chat = standard(
                supervisor,
                object(
                        "name",
                        Api.unique("Chat 2 minuti"),
                        "measure",
                        "chat_answered",
                        "threshold",
                        "PT2M",
                        "businessTime",
                        false,
                        "floor",
                        90));
        // The milestone reached within 3 days of the opening, around the clock, web form only, floor 90 %.
        long milestone = standard(
                supervisor,
                object(
                        "name",
                        Api.unique("Consegna 3 giorni"),
                        "measure",
                        "milestone",
                        "milestone",
                        delivery,
                        "threshold",
                        "P3D",
                        "businessTime",
                        false,
                        "channels",
                        List.of("web"),
                        "floor",
                        90));

        // Thursday 10 April
        moveTo("2031-04-10T06:00:00Z");
        long e5 = ticket("email", team, agent); // 08:00 Rome, before opening; never answered
        moveTo("2031-04-10T07:30:00Z");
        long e3 = ticket("email", team, agent); // 09:30 Rome
        long w2 = ticket("web", team, agent);
        moveTo("2031-04-10T08:00:00Z");
        long e1 = ticket("email", team, agent); // 10:00 Rome
        long c1 = ticket("chat", team, agent); // the bot answers first
        long w1 = ticket("web", team, agent);
        moveTo("2031-04-10T08:01:00Z");
        milestone(c1, Milestones.CHAT_HANDED_OVER, "2031-04-10T08:01:00Z", agent); // the visitor asks for a person
        moveTo("2031-04-10T08:02:30Z");
        reply(c1, agent); // a person answers 1 min 30 s after the hand-over (2 min 30 s after the opening)
        moveTo("2031-04-10T10:00:00Z");
        reply(e1, agent); // 12:00 Rome: 2 business hours
        moveTo("2031-04-10T15:31:00Z");
        reply(e3, agent); // 17:31 Rome: 8 business hours and 1 minute
        // Friday 11 April
        moveTo("2031-04-11T07:00:00Z");
        long w4 = ticket("web", team, agent); // 09:00 Rome; never reaches the milestone
        moveTo("2031-04-11T09:00:00Z");
        long e6 = ticket("email", team, agent); // spam: solved without an answer
        solve(e6);
        moveTo("2031-04-11T14:00:00Z");
        long e2 = ticket("email", team, agent); // 16:00 Rome, two business hours before the weekend
        moveTo("2031-04-11T21:00:00Z");
        long c2 = ticket("chat", team, agent); // 23:00 Rome: chats count around the clock
        milestone(c2, Milestones.CHAT_HANDED_OVER, "2031-04-11T21:00:01Z", agent);
        moveTo("2031-04-11T21:03:00Z");
        reply(c2, agent); // after 3 minutes
        // Saturday 12 April
        moveTo("2031-04-12T08:00:00Z");
        long c3 = ticket("chat", team, agent); // the bot settled it: solved without a person's answer
        solve(c3);
        // Easter Monday 14 April (closed)
        moveTo("2031-04-14T10:00:00Z");
        long w3 = ticket("web", team, agent);
        // Tuesday 15 April
        moveTo("2031-04-15T12:30:00Z");
        reply(e2, agent); // 14:30 Rome
        moveTo("2031-04-15T14:00:00Z");
        long e4 = ticket("email", team, agent); // 16:00 Rome
        moveTo("2031-04-15T16:29:00Z");
        long c4 = ticket("chat", team, agent); // 18:29 Rome
        milestone(c4, Milestones.CHAT_HANDED_OVER, "2031-04-15T16:29:01Z", agent);
        ticket("chat", team, agent); // c5: the bot is still at it, nobody was asked for yet
        moveTo("2031-04-15T16:30:00Z"); // "now": 18:30 Rome
        milestone(w1, delivery, "2031-04-12T08:00:00Z", agent); // 2 days after its opening
        milestone(w2, delivery, "2031-04-13T07:31:00Z", agent); // 3 days and 1 minute after

        JsonNode byTeam = compliance("groupBy=team", supervisor);

        // E-mail, 8 business hours:
        //   e1 met (2 h); e2 met (Fri 16-18 = 2 h, weekend and Easter Monday closed, Tue 09:00-14:30 =
        //   5 h 30: 7 h 30); e3 missed by a minute (8 h 01); e5 missed without an answer (Thursday alone
        //   has 9 business hours); e4 pending (2 business hours so far); e6 not measured (solved unanswered).
        //   Share 2 / (2 + 2) = 50.0 %, below the 75 % floor.
        assertFigures(row(byTeam, email, team), "50.0", false, 2, 2, 1, 5);
        // Chat, 2 minutes from the hand-over to a person: c1 met (1 min 30), c2 missed (3 min), c4
        //   pending (1 min); c3 (the bot settled it) and c5 (still with the bot) not measured.
        //   Share 1 / 2 = 50.0 %.
        assertFigures(row(byTeam, chat, team), "50.0", false, 1, 1, 1, 3);
        // Delivery, 3 days: w1 met (2 days), w2 missed by a minute, w4 missed (due Mon 09:00 Rome,
        //   no milestone), w3 pending (1 day 6 h 30 so far). Share 1 / 3 = 33.3 %.
        assertFigures(row(byTeam, milestone, team), "33.3", false, 1, 2, 1, 4);

        // The same tickets, all assigned to one agent, make the same figures on that agent's row.
        JsonNode byAgent = compliance("groupBy=agent", supervisor);
        assertFigures(row(byAgent, email, agent.id()), "50.0", false, 2, 2, 1, 5);
        assertThat(groupOf(byAgent, email, String.valueOf(agent.id()))
                        .get("name")
                        .asString())
                .isEqualTo("Test agent");

        // An hour later, e-mail e4 is still inside its 8 hours (the desk closed at 18:00) and chat c4 is now late.
        moveTo("2031-04-15T17:30:00Z");
        JsonNode later = compliance("groupBy=team", supervisor);
        assertFigures(row(later, email, team), "50.0", false, 2, 2, 1, 5);
        assertFigures(row(later, chat, team), "33.3", false, 1, 2, 0, 3);
    }

    @Test
    void aMilestoneStandardCountsFromItsStartingMilestone() {
        Person agent = desk.agent();
        Person supervisor = desk.supervisor();
        long team = group("Squadra " + Api.unique("t"));
        int n = ThreadLocalRandom.current().nextInt(1_000_000);
        String shipped = "spedito " + n;
        String delivered = "consegnato " + n;
        // Delivered within 2 days of being shipped, around the clock, floor 90 %.
        long standard = standard(
                supervisor,
                object(
                        "name",
                        Api.unique("Consegna dalla spedizione"),
                        "measure",
                        "milestone",
                        "milestone",
                        delivered,
                        "startMilestone",
                        shipped,
                        "threshold",
                        "P2D",
                        "businessTime",
                        false,
                        "floor",
                        90));
        moveTo("2031-06-02T08:00:00Z");
        long a = ticket("web", team, agent);
        long b = ticket("web", team, agent);
        long c = ticket("web", team, agent);
        ticket("web", team, agent); // never shipped: not measured
        moveTo("2031-06-10T12:00:00Z");
        milestone(a, shipped, "2031-06-03T08:00:00Z", agent);
        milestone(a, delivered, "2031-06-04T08:00:00Z", agent); // 1 day: met
        milestone(b, shipped, "2031-06-03T08:00:00Z", agent);
        milestone(b, delivered, "2031-06-05T08:01:00Z", agent); // 2 days and 1 minute: missed
        milestone(c, shipped, "2031-06-10T08:00:00Z", agent); // 4 hours ago, not delivered yet: pending

        // The period is the one in which the shipping happened: 3 to 10 June.
        JsonNode report = compliance("groupBy=team&from=2031-06-03&to=2031-06-10", supervisor);

        assertFigures(row(report, standard, team), "50.0", false, 1, 1, 1, 3);
        JsonNode before = compliance("groupBy=team&from=2031-06-01&to=2031-06-02", supervisor);
        for (JsonNode s : before.get("standards")) {
            if (s.get("id").asLong() == standard) {
                assertThat(s.get("total").asLong())
                        .as("opened, but not shipped, that week")
                        .isZero();
            }
        }
    }

    @Test
    void anAgentSeesOnlyTheirOwnRowByAgent() {
        Person agent = desk.agent();
        Person other = desk.agent();
        long team = group("Squadra " + Api.unique("t"));
        moveTo("2031-05-06T08:00:00Z");
        long mine = ticket("email", team, agent);
        long theirs = ticket("email", team, other);
        reply(mine, agent);
        reply(theirs, other);
        moveTo("2031-05-06T09:00:00Z");

        JsonNode report = compliance("groupBy=agent&from=2031-05-06&to=2031-05-06", agent);

        for (JsonNode standard : report.get("standards")) {
            for (JsonNode group : standard.get("groups")) {
                assertThat(group.get("key").asString()).isEqualTo(String.valueOf(agent.id()));
            }
        }
        JsonNode all = compliance("groupBy=agent&from=2031-05-06&to=2031-05-06", desk.supervisor());
        assertThat(all.toString()).contains("\"key\":\"" + other.id() + "\"");
    }

    @Test
    void refusesABadPeriodOrGrouping() {
        Person supervisor = desk.supervisor();

        Api.Reply backwards = api.get("/api/v1/standards/compliance?from=2031-05-06&to=2031-05-01", supervisor.token());
        Api.Reply garbled = api.get("/api/v1/standards/compliance?from=yesterday&groupBy=planet", supervisor.token());

        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.json().get("errors").toString()).contains("\"field\":\"to\"");
        assertThat(garbled.status()).isEqualTo(400);
        assertThat(garbled.contentType()).startsWith("application/problem+json");
        assertThat(garbled.json().get("errors").toString())
                .contains("\"field\":\"groupBy\"")
                .contains("\"field\":\"from\"");
    }

    @Test
    void complianceIsForStaffOnly() {
        assertThat(api.get("/api/v1/standards/compliance", null).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/standards/compliance", desk.customer().token())
                        .status())
                .isEqualTo(403);
    }

    private void moveTo(String instant) {
        clock.advance(Duration.between(clock.instant(), Instant.parse(instant)));
    }

    private long group(String name) {
        Api.Reply created = api.post("/api/v1/groups", Desk.ADMIN, object("name", name));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    private long standard(Person supervisor, Object body) {
        Api.Reply created = api.post("/api/v1/standards", supervisor.token(), body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    private long ticket(String channel, long team, Person assignee) {
        Api.Reply created = api.post(
                "/api/v1/tickets",
                Desk.ADMIN,
                object(
                        "subject",
                        "Richiesta " + channel,
                        "customer",
                        object("email", Api.unique("cliente") + "@example.it"),
                        "message",
                        object("body", "Buongiorno"),
                        "channel",
                        channel,
                        "groupId",
                        team,
                        "assigneeId",
                        assignee.id()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    private void reply(long ticket, Person agent) {
        Api.Reply replied =
                api.post("/api/v1/tickets/" + ticket + "/messages", agent.token(), object("body", "Eccomi"));
        assertThat(replied.status()).as(replied.toString()).isEqualTo(201);
    }

    private void solve(long ticket) {
        Api.Reply solved = api.patch("/api/v1/tickets/" + ticket, Desk.ADMIN, object("status", "solved"));
        assertThat(solved.status()).as(solved.toString()).isEqualTo(200);
    }

    private void milestone(long ticket, String name, String at, Person agent) {
        Api.Reply recorded =
                api.post("/api/v1/tickets/" + ticket + "/milestones", agent.token(), object("name", name, "at", at));
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
    }

    private JsonNode compliance(String query, Person viewer) {
        String period = query.contains("from=") ? "" : "&from=2031-04-10&to=2031-04-15";
        Api.Reply reply = api.get("/api/v1/standards/compliance?" + query + period, viewer.token());
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }

    private static JsonNode row(JsonNode report, long standard, long key) {
        return groupOf(report, standard, String.valueOf(key));
    }

    private static JsonNode groupOf(JsonNode report, long standard, String key) {
        for (JsonNode s : report.get("standards")) {
            if (s.get("id").asLong() == standard) {
                for (JsonNode group : s.get("groups")) {
                    if (group.get("key").asString().equals(key)) {
                        return group;
                    }
                }
                throw new AssertionError("No row " + key + " for standard " + standard + " in " + s);
            }
        }
        throw new AssertionError("No standard " + standard + " in " + report);
    }

    private static void assertFigures(
            JsonNode row, String share, boolean meetsFloor, long met, long missed, long pending, long total) {
        assertThat(row.get("share").decimalValue()).as(row.toString()).isEqualByComparingTo(share);
        assertThat(row.get("meetsFloor").asBoolean()).as(row.toString()).isEqualTo(meetsFloor);
        assertThat(row.get("met").asLong()).as(row.toString()).isEqualTo(met);
        assertThat(row.get("missed").asLong()).as(row.toString()).isEqualTo(missed);
        assertThat(row.get("pending").asLong()).as(row.toString()).isEqualTo(pending);
        assertThat(row.get("total").asLong()).as(row.toString()).isEqualTo(total);
    }
}
