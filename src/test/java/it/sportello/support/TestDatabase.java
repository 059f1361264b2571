package it.sportello.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * Which database the integration tests run on. The default run uses an in-memory H2; the
 * second Maven execution sets {@code sportello.test.database=postgres} and they run again on the
 * real PostgreSQL, in a schema of their own that is wiped once per run.
 */
public final class TestDatabase {

    /**
     * A schema per test run, so runs on one machine (several checkouts, CI beside a developer)
     * never drop each other's tables. Its name carries its start time; runs older than a day are
     * cleared away by the next one.
     */
    public static final String SCHEMA = "sportello_test_" + System.currentTimeMillis() / 1000 + "_"
            + UUID.randomUUID().toString().substring(0, 6);

    private static final long STALE_AFTER_SECONDS = 24 * 3600;

    private static final boolean POSTGRES = "postgres".equals(System.getProperty("sportello.test.database"));
    private static final String POSTGRES_URL =
            System.getProperty("sportello.test.postgres-url", "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String H2_URL = "jdbc:h2:mem:sportello-" + UUID.randomUUID()
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    private static final String POSTGRES_USER = System.getProperty("sportello.test.postgres-user", "postgres");
    private static final java.util.Set<String> EXTRA_SCHEMAS = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private static volatile String unavailable;
    private static volatile boolean prepared;

    private TestDatabase() {}

    public static boolean isPostgres() {
        return POSTGRES;
    }

    public static boolean postgresRequired() {
        return Boolean.getBoolean("sportello.test.require-postgres");
    }

    public static String url() {
        return POSTGRES ? postgresUrl(SCHEMA) : H2_URL;
    }

    public static String username() {
        return POSTGRES ? POSTGRES_USER : "sa";
    }

    public static String postgresUser() {
        return POSTGRES_USER;
    }

    /**
     * Another empty schema of this run's on the test PostgreSQL, named {@code SCHEMA_suffix}, for
     * applications a test launches beside the suite's own; dropped with the run's schema.
     */
    public static String extraSchema(String suffix) throws SQLException {
        String schema = SCHEMA + "_" + suffix;
        try (Connection connection = DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, "");
                Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists " + schema + " cascade");
            statement.execute("create schema " + schema);
        }
        EXTRA_SCHEMAS.add(schema);
        return schema;
    }

    /** The JDBC URL of one of the test PostgreSQL's schemas. */
    public static String postgresUrl(String schema) {
        return POSTGRES_URL + (POSTGRES_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /** Null when the database can be used; otherwise why not. Prepares the PostgreSQL schema once. */
    static synchronized String unavailableReason() {
        if (!POSTGRES || prepared) {
            return unavailable;
        }
        try (Connection connection = DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, "");
                Statement statement = connection.createStatement()) {
            dropStaleSchemas(statement);
            statement.execute("create schema " + SCHEMA);
            Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::dropOwnSchema, "drop-test-schema"));
        } catch (SQLException e) {
            unavailable = "PostgreSQL at " + POSTGRES_URL + " is not reachable (" + e.getMessage() + ")";
        }
        prepared = true;
        return unavailable;
    }

    /** Best effort: a schema left behind is cleared by a later run. */
    private static void dropOwnSchema() {
        try (Connection connection = DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, "");
                Statement statement = connection.createStatement()) {
            statement.execute("set lock_timeout = '5s'");
            statement.execute("drop schema if exists " + SCHEMA + " cascade");
            for (String extra : EXTRA_SCHEMAS) {
                statement.execute("drop schema if exists " + extra + " cascade");
            }
        } catch (SQLException ignored) {
            // the next run's clean-up takes care of it
        }
    }

    private static void dropStaleSchemas(Statement statement) throws SQLException {
        long now = System.currentTimeMillis() / 1000;
        java.util.List<String> stale = new java.util.ArrayList<>();
        try (var schemas = statement.executeQuery(
                "select schema_name from information_schema.schemata where schema_name like 'sportello\\_test\\_%'")) {
            while (schemas.next()) {
                String name = schemas.getString(1);
                String[] parts = name.split("_");
                if (parts.length >= 3
                        && parts[2].matches("\\d+")
                        && now - Long.parseLong(parts[2]) > STALE_AFTER_SECONDS) {
                    stale.add(name);
                }
            }
        }
        for (String name : stale) {
            statement.execute("drop schema if exists " + name + " cascade");
        }
    }
}
