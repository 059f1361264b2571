package it.sportello.channel.chat;

import it.sportello.identity.UserId;
import it.sportello.shared.InvalidInputException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who takes chats: each agent says whether they are available and how many chats at once they can
 * hold. An open workspace tells the desk every half minute that its agent is still there; an agent
 * whose browser went away without a word stops counting as available after {@link #PRESENCE}.
 */
@Service
public class ChatAgents {

    public static final Duration PRESENCE = Duration.ofSeconds(90);
    public static final int DEFAULT_CAPACITY = 3;
    public static final int MAX_CAPACITY = 20;

    private final JdbcTemplate jdbc;
    private final Clock clock;

    ChatAgents(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** An agent's choice, and whether the desk currently counts them as there. */
    public record Availability(boolean available, int capacity, boolean present) {}

    /** An agent the desk may give chats to now, with room for so many more. */
    public record Available(UserId agent, int capacity) {}

    @Transactional
    public Availability set(UserId agent, boolean available, int capacity) {
        if (capacity < 1 || capacity > MAX_CAPACITY) {
            throw new InvalidInputException("capacity", "from 1 to " + MAX_CAPACITY);
        }
        Timestamp now = Timestamp.from(clock.instant());
        int updated = jdbc.update(
                "update chat_agent set available = ?, capacity = ?, seen_at = ? where user_id = ?",
                available,
                capacity,
                now,
                agent.value());
        if (updated == 0) {
            try {
                jdbc.update(
                        "insert into chat_agent (user_id, available, capacity, seen_at) values (?, ?, ?, ?)",
                        agent.value(),
                        available,
                        capacity,
                        now);
            } catch (DuplicateKeyException raced) {
                return set(agent, available, capacity);
            }
        }
        return of(agent);
    }

    /** The agent's workspace is still open. */
    @Transactional
    public void seen(UserId agent) {
        jdbc.update(
                "update chat_agent set seen_at = ? where user_id = ?", Timestamp.from(clock.instant()), agent.value());
    }

    @Transactional(readOnly = true)
    public Availability of(UserId agent) {
        Instant recent = clock.instant().minus(PRESENCE);
        return jdbc
                .query(
                        "select available, capacity, seen_at from chat_agent where user_id = ?",
                        (rs, row) -> new Availability(
                                rs.getBoolean("available"),
                                rs.getInt("capacity"),
                                rs.getTimestamp("seen_at").toInstant().isAfter(recent)),
                        agent.value())
                .stream()
                .findFirst()
                .orElse(new Availability(false, DEFAULT_CAPACITY, false));
    }

    @Transactional(readOnly = true)
    public List<Available> available() {
        return jdbc.query(
                "select user_id, capacity from chat_agent where available = true and seen_at > ? order by user_id",
                (rs, row) -> new Available(new UserId(rs.getLong("user_id")), rs.getInt("capacity")),
                Timestamp.from(clock.instant().minus(PRESENCE)));
    }
}
