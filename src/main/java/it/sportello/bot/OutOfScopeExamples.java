package it.sportello.bot;

import it.sportello.bot.internal.FaqVariant;
import it.sportello.shared.InvalidInputException;
import it.sportello.shared.PlainText;
import it.sportello.shared.SequenceIds;
import it.sportello.shared.SupportedLocale;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Questions the company knows its FAQ does not answer ("quanto costa un'auto?" for a bank): the
 * bot's calibration counts answering them as a mistake, which teaches it where to hand over.
 */
@Service
public class OutOfScopeExamples {

    /** One example, with its language. */
    public record Example(long id, String locale, String text) {}

    /** The examples changed: the bot should calibrate again. */
    record Changed() {}

    private final JdbcTemplate jdbc;
    private final SequenceIds ids;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OutOfScopeExamples(JdbcTemplate jdbc, SequenceIds ids, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.ids = ids;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Example> all() {
        return jdbc.query(
                "select id, locale, text from bot_out_of_scope order by id",
                (rs, i) -> new Example(rs.getLong("id"), rs.getString("locale"), rs.getString("text")));
    }

    List<FaqVariant> asVariants() {
        return all().stream()
                .map(e -> new FaqVariant(null, e.locale(), e.text()))
                .toList();
    }

    @Transactional
    public Example add(SupportedLocale locale, String text) {
        String clean = PlainText.line(text);
        if (clean.isEmpty() || clean.length() > 1000) {
            throw new InvalidInputException("text", "between 1 and 1000 characters");
        }
        long id = ids.next("bot_out_of_scope_seq");
        jdbc.update(
                "insert into bot_out_of_scope (id, locale, text, created_at) values (?, ?, ?, ?)",
                id,
                locale.code(),
                clean,
                Timestamp.from(clock.instant()));
        events.publishEvent(new Changed());
        return new Example(id, locale.code(), clean);
    }

    @Transactional
    public void remove(long id) {
        jdbc.update("delete from bot_out_of_scope where id = ?", id);
        events.publishEvent(new Changed());
    }
}
