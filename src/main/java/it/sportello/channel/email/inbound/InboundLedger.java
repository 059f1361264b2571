package it.sportello.channel.email.inbound;

import it.sportello.shared.SequenceIds;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The record of every raw message received ({@code email_intake}): written before the message is
 * processed, unique per route and de-duplication key, and moved out of {@code RECEIVED} exactly
 * once, under a row lock, in the transaction that does the processing.
 */
@Component
public class InboundLedger {

    private static final String SEQUENCE = "email_intake_seq";
    private static final String COLUMNS = "id, route_key, message_id, dedupe_key, raw_path, size_bytes, status,"
            + " failure_reason, ticket_id, ticket_message_id, automatic, received_at, processed_at";

    private final JdbcClient jdbc;
    private final SequenceIds ids;

    InboundLedger(JdbcClient jdbc, SequenceIds ids) {
        this.jdbc = jdbc;
        this.ids = ids;
    }

    /** One row of the ledger. */
    public record InboundRecord(
            long id,
            String routeKey,
            String messageId,
            String dedupeKey,
            String rawPath,
            long size,
            InboundStatus status,
            String failureReason,
            Long ticketId,
            Long ticketMessageId,
            boolean automatic,
            Instant receivedAt,
            Instant processedAt) {}

    /** Records a stored message; empty when the route already has one with this key (a duplicate). */
    public Optional<Long> record(
            String routeKey, String messageId, String dedupeKey, RawMessageStore.StoredRaw raw, Instant now) {
        long id = ids.next(SEQUENCE);
        try {
            jdbc.sql("insert into email_intake (id, route_key, message_id, dedupe_key, raw_path, size_bytes, sha256,"
                            + " status, automatic, received_at) values (?, ?, ?, ?, ?, ?, ?, 'RECEIVED', false, ?)")
                    .params(id, routeKey, messageId, dedupeKey, raw.path(), raw.size(), raw.sha256(), at(now))
                    .update();
            return Optional.of(id);
        } catch (DuplicateKeyException duplicate) {
            return Optional.empty();
        }
    }

    public Optional<InboundRecord> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from email_intake where id = ?")
                .param(id)
                .query(InboundLedger::row)
                .optional();
    }

    public Optional<InboundRecord> findByKey(String routeKey, String dedupeKey) {
        return jdbc.sql("select " + COLUMNS + " from email_intake where route_key = ? and dedupe_key = ?")
                .params(routeKey, dedupeKey)
                .query(InboundLedger::row)
                .optional();
    }

    /** Locks the row for the rest of the current transaction: two processors of one message queue here. */
    public Optional<InboundRecord> lock(long id) {
        return jdbc.sql("select " + COLUMNS + " from email_intake where id = ? for update")
                .param(id)
                .query(InboundLedger::row)
                .optional();
    }

    public void markProcessed(long id, long ticketId, long messageId, boolean automatic, Instant now) {
        jdbc.sql("update email_intake set status = 'PROCESSED', ticket_id = ?, ticket_message_id = ?, automatic = ?,"
                        + " failure_reason = null, processed_at = ? where id = ?")
                .params(ticketId, messageId, automatic, at(now), id)
                .update();
    }

    public void markIgnored(long id, String reason, boolean automatic, Instant now) {
        jdbc.sql("update email_intake set status = 'IGNORED', failure_reason = ?, automatic = ?, processed_at = ?"
                        + " where id = ?")
                .params(shorten(reason), automatic, at(now), id)
                .update();
    }

    /** Marks a message failed unless it was processed meanwhile (by another node or the recovery task). */
    public void markFailed(long id, String reason, Instant now) {
        jdbc.sql("update email_intake set status = 'FAILED', failure_reason = ?, processed_at = ?"
                        + " where id = ? and status = 'RECEIVED'")
                .params(shorten(reason), at(now), id)
                .update();
    }

    /** Puts a failed or ignored message back in line; true if it was in one of those states. */
    public boolean reopen(long id) {
        return jdbc.sql("update email_intake set status = 'RECEIVED', processed_at = null"
                                + " where id = ? and status in ('FAILED', 'IGNORED')")
                        .param(id)
                        .update()
                == 1;
    }

    /** Messages still {@code RECEIVED} that arrived before {@code before}: interrupted or never processed. */
    public List<Long> waitingSince(Instant before, int limit) {
        return jdbc.sql("select id from email_intake where status = 'RECEIVED' and received_at < ? order by id"
                        + " fetch first " + Math.max(1, limit) + " rows only")
                .param(at(before))
                .query(Long.class)
                .list();
    }

    public List<InboundRecord> withStatus(InboundStatus status, int limit) {
        return jdbc.sql("select " + COLUMNS + " from email_intake where status = ? order by id desc" + " fetch first "
                        + Math.max(1, limit) + " rows only")
                .param(status.name())
                .query(InboundLedger::row)
                .list();
    }

    /** Remembers that an address cannot receive mail (a delivery-status report said so). */
    public void markAddressFailing(String address, String reason, long intakeId, Instant now) {
        int changed = jdbc.sql("update email_failing_address set reason = ?, intake_id = ?, failed_at = ?"
                        + " where address = ?")
                .params(shorten(reason), intakeId, at(now), address)
                .update();
        if (changed == 0) {
            try {
                jdbc.sql(
                                "insert into email_failing_address (address, reason, intake_id, failed_at) values (?, ?, ?, ?)")
                        .params(address, shorten(reason), intakeId, at(now))
                        .update();
            } catch (DuplicateKeyException raced) {
                // Another bounce for the same address got there first; one record is all we need.
            }
        }
    }

    /** Why mail to this address fails, if a bounce told us. */
    public Optional<String> failingReason(String address) {
        return jdbc.sql("select reason from email_failing_address where address = ?")
                .param(address)
                .query(String.class)
                .optional();
    }

    private static InboundRecord row(ResultSet rs, int n) throws SQLException {
        return new InboundRecord(
                rs.getLong("id"),
                rs.getString("route_key"),
                rs.getString("message_id"),
                rs.getString("dedupe_key"),
                rs.getString("raw_path"),
                rs.getLong("size_bytes"),
                InboundStatus.valueOf(rs.getString("status")),
                rs.getString("failure_reason"),
                (Long) rs.getObject("ticket_id", Long.class),
                (Long) rs.getObject("ticket_message_id", Long.class),
                rs.getBoolean("automatic"),
                instant(rs.getObject("received_at", OffsetDateTime.class)),
                instant(rs.getObject("processed_at", OffsetDateTime.class)));
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static String shorten(String reason) {
        String text = reason == null ? "unknown" : reason;
        return text.length() > 2000 ? text.substring(0, 2000) : text;
    }
}
