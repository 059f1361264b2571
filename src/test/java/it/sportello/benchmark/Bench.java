package it.sportello.benchmark;

import it.sportello.SportelloApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What the benchmarks share: the PostgreSQL they run on ({@code -Dbench.postgres-url}, user
 * {@code -Dbench.postgres-user}), schemas of their own, Sportello started on one of them over a
 * real port, and latency percentiles.
 */
final class Bench {

    /** The admin API token of the application under benchmark (created by first-start bootstrap). */
    static final String TOKEN = "sp_bench-admin-token-0123456789";

    static final String POSTGRES_URL =
            System.getProperty("bench.postgres-url", "jdbc:postgresql://127.0.0.1:5432/test");
    static final String POSTGRES_USER = System.getProperty("bench.postgres-user", "postgres");
    static final String POSTGRES_PASSWORD = System.getProperty("bench.postgres-password", "");

    private Bench() {}

    static String url(String schema) {
        return POSTGRES_URL + (POSTGRES_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    static Connection connect(String schema) throws SQLException {
        return DriverManager.getConnection(url(schema), POSTGRES_USER, POSTGRES_PASSWORD);
    }

    static void dropSchema(String schema) throws SQLException {
        requireBenchSchema(schema);
        try (Connection c = DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, POSTGRES_PASSWORD);
                Statement s = c.createStatement()) {
            s.execute("drop schema if exists " + schema + " cascade");
        }
    }

    static void createSchema(String schema) throws SQLException {
        requireBenchSchema(schema);
        try (Connection c = DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, POSTGRES_PASSWORD);
                Statement s = c.createStatement()) {
            s.execute("create schema if not exists " + schema);
        }
    }

    /** The benchmarks drop and fill schemas: never let them near one that is not theirs. */
    private static void requireBenchSchema(String schema) {
        if (!schema.matches("sportello_bench[a-z0-9_]*")) {
            throw new IllegalArgumentException("Benchmarks only use schemas named sportello_bench*: " + schema);
        }
    }

    /** Sportello on PostgreSQL in {@code schema} (migrated by Flyway on start), on a free port, quiet. */
    static Running start(String schema, String... extra) {
        Path dataDir;
        try {
            dataDir = Files.createTempDirectory("sportello-bench-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.datasource.url=" + url(schema),
                "--spring.datasource.username=" + POSTGRES_USER,
                "--spring.datasource.password=" + POSTGRES_PASSWORD,
                "--spring.flyway.default-schema=" + schema,
                "--spring.flyway.schemas=" + schema,
                "--sportello.data-dir=" + dataDir,
                "--sportello.api-token=" + TOKEN,
                "--sportello.admin.email=admin@sportello.bench",
                "--sportello.admin.password=admin-password-for-benchmarks",
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN",
                "--logging.level.it.sportello=WARN"));
        args.addAll(Arrays.asList(extra));
        // Diagnostics, e.g. -Dbench.app-args=--logging.level.org.hibernate.SQL=DEBUG (comma-separated)
        String more = System.getProperty("bench.app-args", "");
        Arrays.stream(more.split(","))
                .map(String::strip)
                .filter(a -> !a.isEmpty())
                .forEach(args::add);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(SportelloApplication.class)
                .web(WebApplicationType.SERVLET)
                .run(args.toArray(String[]::new));
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return new Running(context, port);
    }

    record Running(ConfigurableApplicationContext context, int port) implements AutoCloseable {
        String base() {
            return "http://localhost:" + port;
        }

        @Override
        public void close() {
            context.close();
        }
    }

    /** Latencies in nanoseconds, summarised in milliseconds. */
    record Latencies(long[] sortedNanos) {

        static Latencies of(long[] nanos) {
            long[] copy = nanos.clone();
            Arrays.sort(copy);
            return new Latencies(copy);
        }

        double percentileMillis(double p) {
            if (sortedNanos.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(p / 100.0 * sortedNanos.length) - 1;
            return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, index))] / 1e6;
        }

        double maxMillis() {
            return sortedNanos.length == 0 ? Double.NaN : sortedNanos[sortedNanos.length - 1] / 1e6;
        }
    }

    static String fmt(double value) {
        return String.format(Locale.ROOT, "%,.1f", value);
    }

    static void banner(String title) {
        String line = "=".repeat(Math.max(60, title.length() + 4));
        System.out.println();
        System.out.println(line);
        System.out.println("  " + title);
        System.out.println(line);
    }
}
