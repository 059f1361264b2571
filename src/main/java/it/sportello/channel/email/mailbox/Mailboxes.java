package it.sportello.channel.email.mailbox;

import it.sportello.identity.GroupId;
import it.sportello.identity.UserManagement;
import it.sportello.shared.NotFoundException;
import it.sportello.shared.SequenceIds;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The mailboxes admins configure, and the bookkeeping of their polls: which are due, the lease a
 * node takes before polling one (a conditional update, so only one node wins it), and how the
 * poll went. Passwords go in sealed and come out only for the poller.
 */
@Component
class Mailboxes {

    static final String SEQUENCE = "channel_email_mailbox_seq";

    private static final String COLUMNS = "id, name, host, port, tls, username, folder, processed_folder, address,"
            + " group_id, poll_interval_seconds, enabled, last_poll_at, last_error, created_at, updated_at";
    private static final int MAX_ERROR = 1000;

    private final JdbcClient jdbc;
    private final SequenceIds ids;
    private final MailboxSecrets secrets;
    private final UserManagement users;
    private final Clock clock;

    Mailboxes(JdbcClient jdbc, SequenceIds ids, MailboxSecrets secrets, UserManagement users, Clock clock) {
        this.jdbc = jdbc;
        this.ids = ids;
        this.secrets = secrets;
        this.users = users;
        this.clock = clock;
    }

    List<Mailbox> all() {
        return jdbc.sql("select " + COLUMNS + " from channel_email_mailbox order by id")
                .query(Mailboxes::row)
                .list();
    }

    Optional<Mailbox> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from channel_email_mailbox where id = ?")
                .param(id)
                .query(Mailboxes::row)
                .optional();
    }

    Mailbox get(long id) {
        return find(id).orElseThrow(() -> new NotFoundException("Mailbox", id));
    }

    @Transactional
    Mailbox create(MailboxSettings settings) {
        settings.validated(true);
        requireGroup(settings.groupId());
        long id = ids.next(SEQUENCE);
        OffsetDateTime now = at(Instant.now(clock));
        jdbc.sql("insert into channel_email_mailbox (id, name, host, port, tls, username, password_sealed, folder,"
                        + " processed_folder, address, group_id, poll_interval_seconds, enabled, next_poll_at,"
                        + " created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        id,
                        settings.name(),
                        settings.host(),
                        settings.port(),
                        settings.tls(),
                        settings.username(),
                        secrets.seal(settings.password()),
                        settings.folder(),
                        settings.processedFolder(),
                        settings.address(),
                        settings.groupId(),
                        settings.pollIntervalSeconds(),
                        settings.enabled(),
                        now,
                        now,
                        now)
                .update();
        return get(id);
    }

    /** Replaces the settings; a null password keeps the stored one. A changed mailbox is due at once. */
    @Transactional
    Mailbox update(long id, MailboxSettings settings) {
        get(id);
        settings.validated(false);
        requireGroup(settings.groupId());
        OffsetDateTime now = at(Instant.now(clock));
        jdbc.sql("update channel_email_mailbox set name = ?, host = ?, port = ?, tls = ?, username = ?, folder = ?,"
                        + " processed_folder = ?, address = ?, group_id = ?, poll_interval_seconds = ?, enabled = ?,"
                        + " next_poll_at = ?, updated_at = ? where id = ?")
                .params(
                        settings.name(),
                        settings.host(),
                        settings.port(),
                        settings.tls(),
                        settings.username(),
                        settings.folder(),
                        settings.processedFolder(),
                        settings.address(),
                        settings.groupId(),
                        settings.pollIntervalSeconds(),
                        settings.enabled(),
                        now,
                        now,
                        id)
                .update();
        if (settings.password() != null) {
            jdbc.sql("update channel_email_mailbox set password_sealed = ? where id = ?")
                    .params(secrets.seal(settings.password()), id)
                    .update();
        }
        return get(id);
    }

    @Transactional
    void delete(long id) {
        if (jdbc.sql("delete from channel_email_mailbox where id = ?").param(id).update() == 0) {
            throw new NotFoundException("Mailbox", id);
        }
    }

    /** Enabled mailboxes whose interval has passed and that no node is polling now. */
    List<Long> due(Instant now) {
        return jdbc.sql("select id from channel_email_mailbox where enabled = true and next_poll_at <= ?"
                        + " and (polling_until is null or polling_until < ?) order by next_poll_at, id")
                .params(at(now), at(now))
                .query(Long.class)
                .list();
    }

    /**
     * Takes the mailbox for one poll until {@code until}; false when another node has it, or polled
     * it since it was found due. A node that dies while polling lets the lease run out.
     */
    boolean lease(long id, Instant now, Instant until) {
        return jdbc.sql("update channel_email_mailbox set polling_until = ? where id = ? and enabled = true"
                                + " and next_poll_at <= ? and (polling_until is null or polling_until < ?)")
                        .params(at(until), id, at(now), at(now))
                        .update()
                == 1;
    }

    /** Ends a poll: records when and how it went, lets go of the lease, and sets the next one. */
    void finished(long id, Instant started, Instant at, Instant next, String error) {
        String cut = error == null || error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR);
        jdbc.sql("update channel_email_mailbox set polling_until = null, last_poll_at = ?, last_error = ?,"
                        + " next_poll_at = case when rung_at is not null and rung_at >= ? then ? else ? end"
                        + " where id = ?")
                .params(at(at), cut, at(started), at(at), at(next), id)
                .update();
    }

    /** New mail announced by the server (IMAP IDLE): the mailbox is due at once, even mid-poll. */
    void ring(long id, Instant now) {
        jdbc.sql("update channel_email_mailbox set rung_at = ?, next_poll_at = ? where id = ? and enabled = true")
                .params(at(now), at(now), id)
                .update();
    }

    /** The clear password, for the poller only. */
    String passwordOf(long id) {
        String sealed = jdbc.sql("select password_sealed from channel_email_mailbox where id = ?")
                .param(id)
                .query(String.class)
                .optional()
                .orElseThrow(() -> new NotFoundException("Mailbox", id));
        return secrets.open(sealed);
    }

    private void requireGroup(Long groupId) {
        if (groupId != null) {
            users.requireGroup(new GroupId(groupId), "groupId");
        }
    }

    private static Mailbox row(ResultSet rs, int n) throws SQLException {
        long group = rs.getLong("group_id");
        Long groupId = rs.wasNull() ? null : group;
        return new Mailbox(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("host"),
                rs.getInt("port"),
                rs.getBoolean("tls"),
                rs.getString("username"),
                rs.getString("folder"),
                rs.getString("processed_folder"),
                rs.getString("address"),
                groupId,
                rs.getInt("poll_interval_seconds"),
                rs.getBoolean("enabled"),
                instant(rs.getObject("last_poll_at", OffsetDateTime.class)),
                rs.getString("last_error"),
                instant(rs.getObject("created_at", OffsetDateTime.class)),
                instant(rs.getObject("updated_at", OffsetDateTime.class)));
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
