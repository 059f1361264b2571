package it.sportello.knowledge;

import it.sportello.shared.SupportedLocale;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * Searches of the help center that found nothing, counted per language and wording: the report of
 * what the FAQ database is missing.
 */
@Service
public class SearchMisses {

    /** A wording that found nothing, how often, and when last. */
    public record Miss(SupportedLocale locale, String query, long times, Instant lastSearchedAt) {}

    private final JdbcTemplate jdbc;
    private final Clock clock;

    SearchMisses(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Counts a miss in its own transaction: the search that found nothing is read-only. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void remember(SupportedLocale locale, String text) {
        String query = text.toLowerCase(Locale.ROOT);
        Timestamp now = Timestamp.from(clock.instant());
        int updated = jdbc.update(
                "update knowledge_search_miss set times = times + 1, last_searched_at = ? where locale = ? and query = ?",
                now,
                locale.name(),
                query);
        if (updated == 0) {
            try {
                jdbc.update(
                        "insert into knowledge_search_miss (locale, query, times, last_searched_at) values (?, ?, 1, ?)",
                        locale.name(),
                        query,
                        now);
            } catch (DataIntegrityViolationException raced) {
                // Another visitor searched the same words at the same moment; theirs counts for both.
                // PostgreSQL has aborted this transaction: end it quietly.
                TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            }
        }
    }

    @Transactional(readOnly = true)
    public List<Miss> mostFrequent(int limit) {
        return jdbc.query(
                "select locale, query, times, last_searched_at from knowledge_search_miss"
                        + " order by times desc, last_searched_at desc limit ?",
                (rs, i) -> new Miss(
                        SupportedLocale.valueOf(rs.getString("locale")),
                        rs.getString("query"),
                        rs.getLong("times"),
                        rs.getTimestamp("last_searched_at").toInstant()),
                limit);
    }
}
