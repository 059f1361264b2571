package it.sportello.knowledge;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every saved version of an FAQ entry, kept as a JSON snapshot with who saved it and when, and
 * the FAQ database's revision counter that tells learners the database changed.
 */
@Component
class FaqRevisions {

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    FaqRevisions(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void record(FaqEntry entry, String editedBy, Instant at) {
        Long last = jdbc.queryForObject(
                "select max(version) from knowledge_faq_revision where faq_id = ?", Long.class, entry.id());
        jdbc.update(
                "insert into knowledge_faq_revision (faq_id, version, edited_by, edited_at, snapshot) values (?, ?, ?, ?, ?)",
                entry.id(),
                last == null ? 1 : last + 1,
                editedBy,
                java.sql.Timestamp.from(at),
                json.writeValueAsString(FaqSnapshot.of(entry)));
    }

    List<FaqRevision> history(FaqEntry entry) {
        return jdbc.query(
                "select version, edited_by, edited_at, snapshot from knowledge_faq_revision where faq_id = ? order by version desc",
                (rs, i) -> new FaqRevision(
                        rs.getLong("version"),
                        rs.getString("edited_by"),
                        rs.getTimestamp("edited_at").toInstant(),
                        json.readValue(rs.getString("snapshot"), FaqSnapshot.class)),
                entry.id());
    }

    /** One more change of the FAQ database; the row lock also orders concurrent changes. */
    long advance() {
        jdbc.update("update knowledge_state set faq_revision = faq_revision + 1 where id = 1");
        return current();
    }

    long current() {
        Long revision = jdbc.queryForObject("select faq_revision from knowledge_state where id = 1", Long.class);
        return revision == null ? 0 : revision;
    }
}
