package it.sportello.ticket;

import java.util.List;
import java.util.UUID;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps each ticket's timeline of status changes, assignments and merges. It hears the ticket's
 * events through the event publication registry, after the change committed; a re-delivered
 * event is recognised by its id and written once.
 */
@Component
class TicketTimeline {

    private final TicketActivityRepository activities;

    TicketTimeline(TicketActivityRepository activities) {
        this.activities = activities;
    }

    @ApplicationModuleListener
    void on(TicketStatusChanged event) {
        record(
                event.eventId(),
                event.ticketId(),
                "status_changed",
                event.from().code() + " -> " + event.to().code(),
                event);
    }

    @ApplicationModuleListener
    void on(TicketAssigned event) {
        String detail = "assignee="
                + (event.assigneeId() == null ? "none" : event.assigneeId().value()) + " group="
                + (event.groupId() == null ? "none" : event.groupId().value());
        record(event.eventId(), event.ticketId(), "assigned", detail, event);
    }

    @ApplicationModuleListener
    void on(TicketMerged event) {
        record(
                event.eventId(),
                event.sourceId(),
                "merged_into",
                String.valueOf(event.targetId().value()),
                event);
        record(
                UUID.nameUUIDFromBytes((event.eventId() + ":target").getBytes()),
                event.targetId(),
                "merged_from",
                String.valueOf(event.sourceId().value()),
                event);
    }

    List<TicketActivity> of(TicketId ticket) {
        return activities.findByTicketIdOrderByOccurredAtAscIdAsc(ticket.value());
    }

    private void record(UUID eventId, TicketId ticket, String kind, String detail, Object event) {
        if (!activities.existsByEventId(eventId)) {
            activities.save(new TicketActivity(eventId, ticket, kind, detail, occurredAt(event)));
        }
    }

    private static java.time.Instant occurredAt(Object event) {
        return switch (event) {
            case TicketStatusChanged e -> e.occurredAt();
            case TicketAssigned e -> e.occurredAt();
            case TicketMerged e -> e.occurredAt();
            default -> throw new IllegalArgumentException("Not a timeline event: " + event);
        };
    }
}
