package it.sportello.ticket;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One line of a ticket's timeline besides its messages: a status change, an assignment, a merge.
 * Written by {@link TicketTimeline} from the ticket's events; the event id keeps it written once.
 */
@Entity
@Table(name = "ticket_activity")
public class TicketActivity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ticket_activity_seq")
    @SequenceGenerator(name = "ticket_activity_seq", sequenceName = "ticket_activity_seq", allocationSize = 50)
    private Long id;

    @Column(name = "event_id", nullable = false, unique = true)
    private UUID eventId;

    @Column(name = "ticket_id", nullable = false)
    private Long ticketId;

    @Column(nullable = false)
    private String kind;

    @Column
    private String detail;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    protected TicketActivity() {}

    TicketActivity(UUID eventId, TicketId ticket, String kind, String detail, Instant occurredAt) {
        this.eventId = eventId;
        this.ticketId = ticket.value();
        this.kind = kind;
        this.detail = detail;
        this.occurredAt = occurredAt;
    }

    public String kind() {
        return kind;
    }

    public String detail() {
        return detail;
    }

    public Instant occurredAt() {
        return occurredAt;
    }
}
