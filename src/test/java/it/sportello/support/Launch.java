package it.sportello.support;

import it.sportello.SportelloApplication;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the whole application the way an operator does, from the outside: settings as
 * command-line properties (they beat application.properties, as environment variables do),
 * a random port, its own data directory. For tests about what happens at start-up.
 */
public final class Launch {

    private Launch() {}

    /** A running application and its port; close it to stop it. */
    public record Running(ConfigurableApplicationContext context, int port) implements AutoCloseable {

        public Api api() {
            return new Api(port);
        }

        public Browser browser() {
            return new Browser(port);
        }

        @Override
        public void close() {
            context.close();
        }
    }

    /** A fresh in-memory H2 database of its own. */
    public static String memoryDatabase() {
        return "jdbc:h2:mem:launch-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    }

    /** The test PostgreSQL's user for a PostgreSQL URL; H2's own otherwise. */
    private static String userFor(String databaseUrl) {
        return databaseUrl != null && databaseUrl.startsWith("jdbc:postgresql:") ? TestDatabase.postgresUser() : "sa";
    }

    /**
     * Starts the application on {@code databaseUrl} (null: the default file database under the
     * data directory), with these extra {@code name=value} settings.
     */
    public static Running start(String databaseUrl, Path dataDir, String... settings) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--sportello.data-dir=" + dataDir,
                "--spring.datasource.username=" + userFor(databaseUrl),
                "--spring.datasource.password=",
                "--spring.main.banner-mode=off"));
        if (databaseUrl != null) {
            args.add("--spring.datasource.url=" + databaseUrl);
        }
        for (String setting : settings) {
            args.add("--" + setting);
        }
        ConfigurableApplicationContext context =
                new SpringApplicationBuilder(SportelloApplication.class).run(args.toArray(String[]::new));
        Integer port = context.getEnvironment().getProperty("local.server.port", Integer.class);
        if (port == null) {
            context.close();
            throw new IllegalStateException("The application started without a web server port");
        }
        return new Running(context, port);
    }
}
