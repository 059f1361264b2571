package it.sportello.automation;

import it.sportello.ticket.TicketId;
import it.sportello.ticket.TicketStatusChanged;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * When each ticket entered its current status, kept from the status events (a late or repeated
 * one never moves it back), so a time rule can say "pending for 5 days".
 */
@Component
class StatusEntries {

    private final JdbcTemplate jdbc;

    StatusEntries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @ApplicationModuleListener
    void on(TicketStatusChanged changed) {
        OffsetDateTime at = Firings.utc(changed.occurredAt());
        int updated = jdbc.update(
                "update automation_status_entry set status = ?, entered_at = ? where ticket_id = ? and entered_at <= ?",
                changed.to().code(),
                at,
                changed.ticketId().value(),
                at);
        if (updated == 0 && entry(changed.ticketId()).isEmpty()) {
            jdbc.update(
                    "insert into automation_status_entry (ticket_id, status, entered_at) values (?, ?, ?)",
                    changed.ticketId().value(),
                    changed.to().code(),
                    at);
        }
    }

    /** Since when the ticket has been in its status, if a status event said so. */
    Optional<Instant> enteredAt(TicketId ticket, String status) {
        return entry(ticket).filter(e -> e.status().equals(status)).map(Entry::at);
    }

    private record Entry(String status, Instant at) {}

    private Optional<Entry> entry(TicketId ticket) {
        List<Entry> found = jdbc.query(
                "select status, entered_at from automation_status_entry where ticket_id = ?",
                (rs, row) -> new Entry(
                        rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant()),
                ticket.value());
        return found.stream().findFirst();
    }
}
