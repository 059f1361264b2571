package it.sportello.automation;

import it.sportello.ticket.TicketId;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The memory that keeps automations from acting twice: which rule acted on which ticket in which
 * chain of events (a re-delivered event and a rule's own change are the same chain), and which
 * ticket changes automations made themselves (their "echo"), by the instant the change carries.
 */
@Component
class Firings {

    static final String DONE = "done";
    static final String FAILED = "failed";

    /** Where an event stands in a chain of automations: its root, and how many automated changes led to it. */
    record Chain(String key, int depth) {}

    private final JdbcTemplate jdbc;

    Firings(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    boolean fired(String ruleKey, TicketId ticket, String chain) {
        Integer found = jdbc.queryForObject(
                "select count(*) from automation_firing where rule_key = ? and ticket_id = ? and chain = ?",
                Integer.class,
                ruleKey,
                ticket.value(),
                chain);
        return found != null && found > 0;
    }

    /** Records a firing; a concurrent one of the same key makes the caller's transaction fail, as it should. */
    void record(String ruleKey, TicketId ticket, String chain, String outcome, String detail, Instant now) {
        jdbc.update(
                "insert into automation_firing (rule_key, ticket_id, chain, outcome, detail, fired_at) values (?, ?, ?, ?, ?, ?)",
                ruleKey,
                ticket.value(),
                chain,
                outcome,
                detail == null ? null : detail.substring(0, Math.min(detail.length(), 500)),
                utc(now));
    }

    /** The chain an event belongs to: the one recorded for an automated change at that instant, else its own. */
    Chain chainOf(TicketId ticket, Instant occurredAt, String eventKey) {
        List<Chain> found = jdbc.query(
                "select chain, depth from automation_echo where ticket_id = ? and occurred_at = ?",
                (rs, row) -> new Chain(rs.getString(1), rs.getInt(2)),
                ticket.value(),
                utc(occurredAt.truncatedTo(ChronoUnit.MICROS)));
        return found.isEmpty() ? new Chain(eventKey, 0) : found.getFirst();
    }

    void echo(TicketId ticket, Instant occurredAt, Chain chain) {
        OffsetDateTime at = utc(occurredAt.truncatedTo(ChronoUnit.MICROS));
        int updated = jdbc.update(
                "update automation_echo set chain = ?, depth = ? where ticket_id = ? and occurred_at = ?",
                chain.key(),
                chain.depth(),
                ticket.value(),
                at);
        if (updated == 0) {
            jdbc.update(
                    "insert into automation_echo (ticket_id, occurred_at, chain, depth) values (?, ?, ?, ?)",
                    ticket.value(),
                    at,
                    chain.key(),
                    chain.depth());
        }
    }

    Optional<String> outcome(String ruleKey, TicketId ticket) {
        return jdbc
                .query(
                        "select outcome from automation_firing where rule_key = ? and ticket_id = ? order by fired_at desc",
                        (rs, row) -> rs.getString(1),
                        ruleKey,
                        ticket.value())
                .stream()
                .findFirst();
    }

    static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
