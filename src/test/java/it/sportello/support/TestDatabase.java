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

    public static final String SCHEMA = "sportello_test";

    private static final boolean POSTGRES = "postgres".equals(System.getProperty("sportello.test.database"));
    private static final String POSTGRES_URL =
            System.getProperty("sportello.test.postgres-url", "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String H2_URL = "jdbc:h2:mem:sportello-" + UUID.randomUUID()
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
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
        return POSTGRES ? POSTGRES_URL + (POSTGRES_URL.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA : H2_URL;
    }

    public static String username() {
        return POSTGRES ? System.getProperty("sportello.test.postgres-user", "postgres") : "sa";
    }

    /** Null when the database can be used; otherwise why not. Prepares the PostgreSQL schema once. */
    static synchronized String unavailableReason() {
        if (!POSTGRES || prepared) {
            return unavailable;
        }
        try (Connection connection = DriverManager.getConnection(POSTGRES_URL, username(), "");
                Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists " + SCHEMA + " cascade");
            statement.execute("create schema " + SCHEMA);
        } catch (SQLException e) {
            unavailable = "PostgreSQL at " + POSTGRES_URL + " is not reachable (" + e.getMessage() + ")";
        }
        prepared = true;
        return unavailable;
    }
}
