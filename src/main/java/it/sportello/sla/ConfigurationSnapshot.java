package it.sportello.sla;

import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a small configuration table holds, read whole once and again only after the table has
 * changed. Each use asks the database for the table's fingerprint (how many rows, the highest id,
 * the sum of the rows' versions), which every insert, delete or update moves, whoever made it and
 * on whichever node; that one aggregate costs far less than reading and converting every row, as
 * each ticket event would otherwise do.
 *
 * <p>Read it only in transactions that do not change the table: a fingerprint seen inside a
 * transaction that changed the table and then rolled back could match a later, different state.
 */
final class ConfigurationSnapshot<T> {

    private final JdbcTemplate jdbc;
    private final String fingerprintQuery;
    private final Supplier<T> reader;
    private volatile Held<T> held;

    private record Fingerprint(long rows, long highestId, long versions) {}

    private record Held<T>(Fingerprint fingerprint, T value) {}

    /** {@code table} is a constant of the caller's, never user input; it must have {@code id} and {@code version}. */
    ConfigurationSnapshot(JdbcTemplate jdbc, String table, Supplier<T> reader) {
        this.jdbc = jdbc;
        this.fingerprintQuery = "select count(*), coalesce(max(id), 0), coalesce(sum(version), 0) from " + table;
        this.reader = reader;
    }

    T get() {
        Fingerprint now = jdbc.queryForObject(
                fingerprintQuery, (rows, n) -> new Fingerprint(rows.getLong(1), rows.getLong(2), rows.getLong(3)));
        Held<T> known = held;
        if (known != null && known.fingerprint().equals(now)) {
            return known.value();
        }
        // Read after the fingerprint: what is read is at least as new as what the fingerprint says.
        T value = reader.get();
        held = new Held<>(now, value);
        return value;
    }
}
