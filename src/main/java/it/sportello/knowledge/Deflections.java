package it.sportello.knowledge;

import it.sportello.knowledge.internal.HelpCenterSettings;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * Requests the help center answered before they were written. Each visit of the contact form
 * carries a token; the answers suggested there link with it. Opening one records the token (the
 * first answer opened); submitting the form marks it submitted. A suggestion opened and not followed
 * by a submission within the deflection window is a deflected request.
 */
@Service
public class Deflections {

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{16,40}");
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * The suggestions opened in a period: followed by a submission, deflected (no submission within
     * the window), and still open (the window has not passed yet).
     */
    public record Counts(long opened, long submitted, long deflected, long pending) {}

    private final JdbcTemplate jdbc;
    private final Duration window;
    private final Clock clock;

    Deflections(JdbcTemplate jdbc, HelpCenterSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.window = settings.deflectionWindow();
        this.clock = clock;
    }

    /** A fresh token for one visit of the contact form. */
    public String newToken() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static boolean isToken(String text) {
        return text != null && TOKEN.matcher(text).matches();
    }

    /** How long a visit lasts: a submission later than this after opening no longer un-deflects it. */
    public Duration window() {
        return window;
    }

    /**
     * A suggested answer was opened. Only the visit's first opening counts; a malformed token is ignored.
     * Its own transaction, so a reader's page never fails for it.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void opened(String token, HelpCenter.Answer answer) {
        if (!isToken(token)) {
            return;
        }
        Long entryId = jdbc.query(
                "select id from knowledge_faq where faq_id = ?",
                rs -> rs.next() ? rs.getLong(1) : null,
                answer.faqId());
        if (entryId == null) {
            return;
        }
        Integer known =
                jdbc.queryForObject("select count(*) from knowledge_deflection where token = ?", Integer.class, token);
        if (known != null && known > 0) {
            return;
        }
        try {
            jdbc.update(
                    "insert into knowledge_deflection (token, faq_id, opened_at) values (?, ?, ?)",
                    token,
                    entryId,
                    Timestamp.from(clock.instant()));
        } catch (DuplicateKeyException raced) {
            // The same visit opened two answers at once: the first one counts. PostgreSQL has
            // aborted this transaction: end it quietly.
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
        }
    }

    /** The contact form was submitted during the visit with this token: its suggestions did not deflect it. */
    @Transactional
    public void submitted(String token) {
        if (!isToken(token)) {
            return;
        }
        Instant now = clock.instant();
        jdbc.update(
                "update knowledge_deflection set submitted_at = ?"
                        + " where token = ? and submitted_at is null and opened_at >= ?",
                Timestamp.from(now),
                token,
                Timestamp.from(now.minus(window)));
    }

    /** What became of the suggestions opened in the period. */
    @Transactional(readOnly = true)
    public Counts count(Helpfulness.Period period) {
        Instant now = clock.instant();
        Timestamp cutoff = Timestamp.from(now.minus(window));
        return jdbc.queryForObject(
                "select count(*) as opened,"
                        + " coalesce(sum(case when submitted_at is not null then 1 else 0 end), 0) as submitted,"
                        + " coalesce(sum(case when submitted_at is null and opened_at < ? then 1 else 0 end), 0) as deflected"
                        + " from knowledge_deflection where opened_at >= ? and opened_at < ?",
                (rs, i) -> {
                    long opened = rs.getLong("opened");
                    long submitted = rs.getLong("submitted");
                    long deflected = rs.getLong("deflected");
                    return new Counts(opened, submitted, deflected, opened - submitted - deflected);
                },
                cutoff,
                Timestamp.from(period.from()),
                Timestamp.from(period.to()));
    }
}
