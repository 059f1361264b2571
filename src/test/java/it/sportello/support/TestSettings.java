package it.sportello.support;

import com.github.kagkarlsson.scheduler.Scheduler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistrar;

/** Points the application under test at the test database and a throw-away data directory. */
@TestConfiguration(proxyBeanMethods = false)
public class TestSettings {

    /** The admin API token every integration test starts from (created by first-start bootstrap). */
    public static final String ADMIN_TOKEN = "sp_test-admin-token-0123456789";

    private static final String DATA_DIR = createDataDir();

    /** The application's clock, which SLA and automation tests move forward (and reset). */
    @Bean
    @Primary
    MovableClock movableClock(ObjectProvider<JdbcTemplate> jdbc, ObjectProvider<Scheduler> scheduler) {
        MovableClock clock = new MovableClock();
        clock.afterReset(() -> {
            backToNow(jdbc);
            // The scheduler waits between polls until its clock reaches a point; time moved back would
            // leave it waiting for days.
            scheduler.ifAvailable(Scheduler::triggerCheckForDueExecutions);
        });
        return clock;
    }

    /** Recurring work rescheduled from a moved-forward time comes back to now (db-scheduler names its instance "recurring"). */
    private static void backToNow(ObjectProvider<JdbcTemplate> jdbc) {
        jdbc.ifAvailable(template -> {
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            template.update(
                    "update scheduled_tasks set execution_time = ? where task_instance = 'recurring'"
                            + " and execution_time > ? and picked = ?",
                    now,
                    now,
                    false);
        });
    }

    @Bean
    DynamicPropertyRegistrar testProperties() {
        return registry -> {
            registry.add("spring.datasource.url", TestDatabase::url);
            registry.add("spring.datasource.username", TestDatabase::username);
            registry.add("spring.datasource.password", () -> "");
            registry.add("sportello.data-dir", () -> DATA_DIR);
            registry.add("sportello.api-token", () -> ADMIN_TOKEN);
            registry.add("sportello.admin.email", () -> "admin@sportello.test");
            registry.add("sportello.admin.password", () -> "admin-password-for-tests");
            // Tests make many anonymous calls from one address; the limit itself has its own test.
            registry.add("sportello.limits.anonymous-burst", () -> "100000");
            // All tests call from 127.0.0.1; per-account throttling is what LoginTests exercises.
            registry.add("sportello.login.max-failures-per-address", () -> "100000");
            // Sessions see role changes and deactivation at once (the 5 s grace is a production nicety).
            registry.add("sportello.login.session-recheck", () -> "0s");
            // Scheduled work is picked up quickly in tests.
            registry.add("sportello.scheduler.polling-interval", () -> "200ms");
            registry.add("sportello.sla.sweep-interval", () -> "1s");
            // The contact form's per-address limit has its own test (ContactFormLimitTests).
            registry.add("sportello.contact.max-per-address", () -> "100000");
            // Likewise the help center's votes per address (HelpfulnessLimitTests has the limit).
            registry.add("sportello.help.votes-per-address", () -> "100000");
            // Each test context keeps its search index in memory: contexts that share the data
            // directory must not share one Lucene index (its write lock admits one writer).
            registry.add("spring.jpa.properties.hibernate.search.backend.directory.type", () -> "local-heap");
            // The bot learns in the background from whatever FAQ entries the shared test database
            // holds; its own tests start applications of their own with it switched on.
            registry.add("sportello.bot.enabled", () -> "false");
            if (TestDatabase.isPostgres()) {
                // Many application contexts live side by side in one test run (Spring pauses the idle
                // ones but keeps their pools): small pools that let idle connections go keep
                // PostgreSQL's connection limit out of reach. H2 in memory has no such limit and keeps
                // fixed pools: with idle connections released, a full run failed inserts there with
                // "Check constraint invalid", a cause not yet understood.
                registry.add("spring.datasource.hikari.maximum-pool-size", () -> "10");
                registry.add("spring.datasource.hikari.minimum-idle", () -> "1");
                registry.add("spring.datasource.hikari.idle-timeout", () -> "10000");
                registry.add("spring.flyway.default-schema", () -> TestDatabase.SCHEMA);
            }
        };
    }

    private static String createDataDir() {
        try {
            return Files.createTempDirectory("sportello-test-").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
