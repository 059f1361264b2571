package it.sportello.ticket;

import static it.sportello.support.Api.object;
import static it.sportello.support.Desk.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.support.Api;
import it.sportello.support.ApiTestCase;
import it.sportello.support.Desk;
import it.sportello.support.IntegrationTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.util.AopTestUtils;
import tools.jackson.databind.JsonNode;

/**
 * The ticket's events travel through Spring Modulith's JDBC event publication registry to the
 * timeline: the activity appears, the publications are completed (and, in delete mode, gone), and
 * a re-delivered event is written once.
 */
@IntegrationTest
class TicketEventsTests extends ApiTestCase {

    private static final String TICKETS = "/api/v1/tickets";
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TicketTimeline timeline;

    @Test
    void aStatusChangeAndAnAssignmentReachTheTimelineThroughTheRegistry() {
        Desk.Person agent = desk.agent();
        long id = desk.ticket(Api.unique("eventi")).get("id").asLong();

        assertThat(api.patch(TICKETS + "/" + id, ADMIN, object("status", "pending"))
                        .status())
                .isEqualTo(200);
        assertThat(api.patch(TICKETS + "/" + id, ADMIN, object("assigneeId", agent.id()))
                        .status())
                .isEqualTo(200);

        List<JsonNode> activity = awaitActivity(id, 2);
        assertThat(activity).extracting(a -> a.get("kind").asString()).containsExactly("status_changed", "assigned");
        assertThat(activity.get(0).get("detail").asString()).isEqualTo("new -> pending");
        assertThat(activity.get(1).get("detail").asString()).isEqualTo("assignee=" + agent.id() + " group=none");
        assertThat(Instant.parse(activity.get(0).get("occurredAt").asString()))
                .isBeforeOrEqualTo(
                        Instant.parse(activity.get(1).get("occurredAt").asString()));
        assertPublicationsCompleted(id);
    }

    @Test
    void aMergeReachesTheTimelineOfBothTickets() {
        String email = Api.unique("fusione") + "@example.it";
        long source = desk.ticketFor(email, Api.unique("doppio")).get("id").asLong();
        long target = desk.ticketFor(email, Api.unique("vero")).get("id").asLong();

        assertThat(api.post(TICKETS + "/" + source + "/merge", ADMIN, object("targetId", target))
                        .status())
                .isEqualTo(200);

        List<JsonNode> sourceActivity = awaitActivity(source, 2);
        assertThat(sourceActivity)
                .extracting(
                        a -> a.get("kind").asString() + ":" + a.get("detail").asString())
                .containsExactlyInAnyOrder("status_changed:new -> closed", "merged_into:" + target);
        List<JsonNode> targetActivity = awaitActivity(target, 1);
        assertThat(targetActivity)
                .extracting(
                        a -> a.get("kind").asString() + ":" + a.get("detail").asString())
                .containsExactly("merged_from:" + source);
        // The target's line comes from the same TicketMerged event as the source's.
        assertPublicationsCompleted(source);
    }

    @Test
    void staffChangesWithoutEventsLeaveTheTimelineAlone() {
        long id = desk.ticket(Api.unique("silenzio")).get("id").asLong();
        long marker = desk.ticket(Api.unique("segnale")).get("id").asLong();

        api.patch(TICKETS + "/" + id, ADMIN, object("priority", "urgent", "tags", List.of("x")));
        api.patch(TICKETS + "/" + marker, ADMIN, object("status", "open"));
        awaitActivity(marker, 1);

        assertThat(activity(id)).isEmpty();
    }

    @Test
    void aRedeliveredStatusChangeIsWrittenOnce() {
        long id = desk.ticket(Api.unique("ripetuto")).get("id").asLong();
        api.patch(TICKETS + "/" + id, ADMIN, object("status", "open"));
        awaitActivity(id, 1);
        Map<String, Object> row = jdbc.queryForMap(
                "select event_id, occurred_at from ticket_activity where ticket_id = ? and kind = 'status_changed'",
                id);
        UUID eventId = UUID.fromString(row.get("event_id").toString());
        Instant occurredAt = toInstant(row.get("occurred_at"));
        TicketStatusChanged again =
                new TicketStatusChanged(eventId, new TicketId(id), TicketStatus.NEW, TicketStatus.OPEN, occurredAt);
        // The bean is proxied (async, transactional); deliver straight to it, twice, as a registry re-send would.
        TicketTimeline listener = AopTestUtils.getUltimateTargetObject(timeline);

        listener.on(again);
        listener.on(again);

        assertThat(jdbc.queryForObject(
                        "select count(*) from ticket_activity where ticket_id = ? and kind = 'status_changed'",
                        Long.class,
                        id))
                .isEqualTo(1);
        assertThat(activity(id)).hasSize(1);
    }

    @Test
    void aNewEventDeliveredTwiceIsWrittenOnce() {
        long id = desk.ticket(Api.unique("doppiaconsegna")).get("id").asLong();
        UUID eventId = UUID.randomUUID();
        TicketStatusChanged event = new TicketStatusChanged(
                eventId,
                new TicketId(id),
                TicketStatus.OPEN,
                TicketStatus.PENDING,
                Instant.parse("2025-01-01T10:00:00Z"));
        TicketTimeline listener = AopTestUtils.getUltimateTargetObject(timeline);

        listener.on(event);
        listener.on(event);

        assertThat(jdbc.queryForObject("select count(*) from ticket_activity where event_id = ?", Long.class, eventId))
                .isEqualTo(1);
        List<JsonNode> activity = activity(id);
        assertThat(activity).hasSize(1);
        assertThat(activity.getFirst().get("detail").asString()).isEqualTo("open -> pending");
        assertThat(activity.getFirst().get("occurredAt").asString()).isEqualTo("2025-01-01T10:00:00Z");
    }

    @Test
    void aRedeliveredMergeIsWrittenOnceOnEachSide() {
        long source = desk.ticket(Api.unique("fonte")).get("id").asLong();
        long target = desk.ticket(Api.unique("meta")).get("id").asLong();
        TicketMerged merged =
                new TicketMerged(UUID.randomUUID(), new TicketId(source), new TicketId(target), Instant.now());
        TicketTimeline listener = AopTestUtils.getUltimateTargetObject(timeline);

        listener.on(merged);
        listener.on(merged);

        assertThat(activity(source)).extracting(a -> a.get("kind").asString()).containsExactly("merged_into");
        assertThat(activity(target)).extracting(a -> a.get("kind").asString()).containsExactly("merged_from");
    }

    // --- helpers

    private List<JsonNode> activity(long id) {
        Api.Reply reply = api.get(TICKETS + "/" + id, ADMIN);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return StreamSupport.stream(reply.json().get("activity").spliterator(), false)
                .toList();
    }

    private List<JsonNode> awaitActivity(long id, int entries) {
        await(
                "activity of ticket " + id + " reaches " + entries,
                () -> activity(id).size() >= entries);
        return activity(id);
    }

    /**
     * The registry has nothing left undone for the events behind this ticket's timeline: every
     * publication carrying one of their ids is gone (completion mode delete), so none is incomplete.
     */
    private void assertPublicationsCompleted(long ticketId) {
        List<String> eventIds = jdbc.queryForList(
                "select cast(event_id as varchar(36)) from ticket_activity where ticket_id = ? and kind <> 'merged_from'",
                String.class,
                ticketId);
        assertThat(eventIds).isNotEmpty();
        for (String eventId : eventIds) {
            await(
                    "publication of event " + eventId + " completed",
                    () -> jdbc.queryForObject(
                                    "select count(*) from event_publication where serialized_event like ?",
                                    Long.class,
                                    "%" + eventId + "%")
                            == 0);
        }
    }

    private static void await(String what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Not within " + PATIENCE.toSeconds() + " s: " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted waiting for " + what, e);
            }
        }
    }

    private static Instant toInstant(Object value) {
        return switch (value) {
            case Timestamp timestamp -> timestamp.toInstant();
            case java.time.OffsetDateTime offset -> offset.toInstant();
            case Instant instant -> instant;
            default -> throw new IllegalArgumentException("Not a time: " + value.getClass());
        };
    }
}
