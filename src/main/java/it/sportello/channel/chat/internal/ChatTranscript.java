package it.sportello.channel.chat.internal;

import it.sportello.channel.chat.ChatAuthor;
import it.sportello.channel.chat.ChatLine;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The numbered lines of chats. Plain JDBC: a line is written once and read in ranges, and the
 * numbering is the caller's (under the chat's row lock), so there is nothing for an ORM to track.
 */
@Component
public class ChatTranscript {

    private static final String SELECT =
            "select chat_id, seq, client_id, author, author_name, body, html, faq_id, created_at from chat_line";

    private final JdbcTemplate jdbc;

    ChatTranscript(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void append(ChatLine line, Long agentId, Long ticketMessageId) {
        jdbc.update(
                "insert into chat_line (chat_id, seq, client_id, author, agent_id, author_name, body, html, faq_id,"
                        + " ticket_message_id, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                line.chatId(),
                line.seq(),
                line.clientId(),
                line.author().name(),
                agentId,
                line.authorName(),
                line.body(),
                line.html(),
                line.faqId(),
                ticketMessageId,
                Timestamp.from(line.at()));
    }

    public List<ChatLine> after(long chatId, int seq, int limit) {
        return jdbc.query(
                SELECT + " where chat_id = ? and seq > ? order by seq fetch first " + limit + " rows only",
                ChatTranscript::line,
                chatId,
                seq);
    }

    public Optional<ChatLine> byClientId(long chatId, String clientId) {
        return jdbc
                .query(SELECT + " where chat_id = ? and client_id = ?", ChatTranscript::line, chatId, clientId)
                .stream()
                .findFirst();
    }

    /** Whether this ticket message is already a line of some chat (it was written in the chat). */
    public boolean carries(long ticketMessageId) {
        return !jdbc.queryForList(
                        "select seq from chat_line where ticket_message_id = ?", Integer.class, ticketMessageId)
                .isEmpty();
    }

    /** Chats in {@code state} with no line since {@code cutoff} (and started before it). */
    public List<Long> quietSince(String state, java.time.Instant cutoff) {
        Timestamp at = Timestamp.from(cutoff);
        return jdbc.queryForList(
                "select c.id from chat c where c.state = ? and c.created_at < ? and not exists"
                        + " (select 1 from chat_line l where l.chat_id = c.id and l.created_at >= ?)",
                Long.class,
                state,
                at,
                at);
    }

    /** The visitor's last words: the question a person is handed. */
    public Optional<String> lastFromVisitor(long chatId) {
        return jdbc
                .queryForList(
                        "select body from chat_line where chat_id = ? and author = 'VISITOR' order by seq desc"
                                + " fetch first 1 rows only",
                        String.class,
                        chatId)
                .stream()
                .findFirst();
    }

    private static ChatLine line(ResultSet rs, int row) throws SQLException {
        return new ChatLine(
                rs.getLong("chat_id"),
                rs.getInt("seq"),
                rs.getString("client_id"),
                ChatAuthor.valueOf(rs.getString("author").toUpperCase(Locale.ROOT)),
                rs.getString("author_name"),
                rs.getString("body"),
                rs.getString("html"),
                rs.getString("faq_id"),
                rs.getTimestamp("created_at").toInstant());
    }
}
