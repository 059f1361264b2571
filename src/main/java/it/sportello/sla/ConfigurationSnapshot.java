package it.sportello.sla;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a few small configuration tables hold, read whole once and again only after one of them has
 * changed. Each use asks the database, in one query, for the tables' fingerprint (per table: how
 * many rows, the highest id, the sum of the rows' versions), which every insert, delete or update
 * moves, whoever made it and on whichever node; that costs far less than reading and converting
 * every row, as each ticket event would otherwise do.
 *
 * <p>Read it only in transactions that do not change the tables: a fingerprint seen inside a
 * transaction that changed one and then rolled back could match a later, different state.
 */
final class ConfigurationSnapshot<T> {

    private final JdbcTemplate jdbc;
    private final String fingerprintQuery;
    private final int figures;
    private final Supplier<T> reader;
    private volatile Held<T> held;

    private record Fingerprint(List<Long> figures) {}

    private record Held<T>(Fingerprint fingerprint, T value) {}

    /** {@code tables} are constants of the caller's, never user input; each must have {@code id} and {@code version}. */
    ConfigurationSnapshot(JdbcTemplate jdbc, Supplier<T> reader, String... tables) {
        this.jdbc = jdbc;
        this.fingerprintQuery = "select "
                + Stream.of(tables)
                        .map(table -> "(select count(*) from " + table + "), (select coalesce(max(id), 0) from " + table
                                + "), (select coalesce(sum(version), 0) from " + table + ")")
                        .collect(Collectors.joining(", "));
        this.figures = 3 * tables.length;
        this.reader = reader;
    }

    T get() {
        Fingerprint now = jdbc.queryForObject(fingerprintQuery, (rows, n) -> {
            List<Long> read = new ArrayList<>(figures);
            for (int i = 1; i <= figures; i++) {
                read.add(rows.getLong(i));
            }
            return new Fingerprint(List.copyOf(read));
        });
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
