package it.sportello.benchmark;

import it.sportello.SportelloApplication;
import it.sportello.support.Browser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.flywaydb.core.Flyway;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What the benchmarks share: the PostgreSQL they run on ({@code -Dbench.postgres-url}, user
 * {@code -Dbench.postgres-user}), schemas of their own, Sportello started on one of them over a
 * real port, the desk {@link TicketSeeder} fills, the two ways in (an API token, a signed-in
 * browser session) and latency percentiles.
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

    /**
     * A migrated schema holding {@code tickets} seeded tickets: reused when its ticket count
     * matches (and {@code reseed} is false), otherwise dropped and seeded afresh (about 70 s for
     * 1,000,000 tickets).
     */
    static void seeded(String schema, int tickets, boolean reseed) throws Exception {
        long existing = reseed ? -1 : ticketCount(schema);
        if (existing == tickets) {
            System.out.printf(
                    Locale.ROOT,
                    "%nReusing schema %s with %,d tickets (-Dbench.reseed=true to seed again)%n",
                    schema,
                    existing);
            return;
        }
        System.out.printf(
                Locale.ROOT,
                "%nSeeding schema %s with %,d tickets (found %s)%n",
                schema,
                tickets,
                existing < 0 ? "reseed requested" : existing + " tickets");
        dropSchema(schema);
        createSchema(schema);
        Flyway.configure()
                .dataSource(url(schema), POSTGRES_USER, POSTGRES_PASSWORD)
                .schemas(schema)
                .defaultSchema(schema)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        try (Connection c = connect(schema)) {
            new TicketSeeder(c, 42, System.out::println).seed(tickets, TicketSeeder.defaultCustomers(tickets));
        }
    }

    private static long ticketCount(String schema) {
        try (Connection c = connect(schema);
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select count(*) from " + schema + ".ticket")) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            return -1; // no schema or no tables yet
        }
    }

    /** An HTTP/1.1 client with one kept-alive connection per thread, as the benchmarks time requests with. */
    static HttpClient http() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** A JSON GET of the API with the admin token. */
    static HttpRequest apiGet(URI uri) {
        return HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + TOKEN)
                .header("Accept", "application/json")
                .GET()
                .build();
    }

    /** A JSON call of the API with the admin token; fails unless it answers {@code expected}. */
    static String api(HttpClient http, String method, URI uri, String json, int expected) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(uri)
                        .timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + TOKEN)
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(
                    method + " " + uri + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    /**
     * A browser session of a staff user: an HTTP/1.1 client that keeps cookies, signed in through
     * the sign-in form with the CSRF token the form was given (as {@link Browser} does in tests).
     */
    static HttpClient signedIn(String base, String email, String password) throws Exception {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        HttpResponse<String> login = http.send(
                HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        String form = "username=" + URLEncoder.encode(email, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(Browser.csrfToken(login.body()), StandardCharsets.UTF_8);
        HttpResponse<String> signIn = http.send(
                HttpRequest.newBuilder(URI.create(base + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String location = signIn.headers().firstValue("Location").orElse("");
        if (signIn.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("Sign-in of " + email + " failed: " + signIn.statusCode() + " " + location);
        }
        return http;
    }

    /**
     * The timed answers to one kind of request: {@code index} below 0 is warm-up and not kept;
     * an answer that is not 200, or that {@code check} refuses, counts as a failure.
     */
    static final class Series {
        private final long[] nanos;
        private final List<String> errors = new ArrayList<>();
        private long failures;
        private HttpResponse<String> first;
        private Latencies latencies;

        Series(int requests) {
            nanos = new long[requests];
        }

        HttpResponse<String> send(HttpClient http, HttpRequest request, int index, Predicate<String> check)
                throws Exception {
            long t0 = System.nanoTime();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            long took = System.nanoTime() - t0;
            if (index >= 0) {
                nanos[index] = took;
            }
            if (response.statusCode() != 200) {
                failed(request.uri() + " answered " + response.statusCode() + " "
                        + response.headers().firstValue("Location").orElse(response.body()));
            } else if (first == null) {
                first = response;
                if (!check.test(response.body())) {
                    failed(request.uri() + " answered what was not expected: " + response.body());
                }
            }
            return response;
        }

        /** The first good answer, to read figures from (rows, totals). */
        HttpResponse<String> first() {
            return first;
        }

        Latencies latencies() {
            if (latencies == null) {
                latencies = Latencies.of(nanos);
            }
            return latencies;
        }

        long failures() {
            return failures;
        }

        List<String> errors() {
            return errors;
        }

        void failed(String error) {
            failures++;
            if (errors.size() < 3) {
                errors.add(error.length() > 300 ? error.substring(0, 300) : error);
            }
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

    /**
     * CPU time spent so far by this JVM (Sportello, the benchmark's clients, an in-process mail
     * server) and by the PostgreSQL server when it runs on this machine (its processes, read from
     * /proc): per message, what the work costs apart from the machine's other jobs, which a rate
     * on a shared machine does not tell.
     */
    record CpuTime(long jvmNanos, long postgresNanos) {

        /** USER_HZ: /proc counts CPU time in ticks of 1/100 s on Linux. */
        private static final long NANOS_PER_TICK = 10_000_000L;

        static CpuTime now() {
            long jvm = ((com.sun.management.OperatingSystemMXBean)
                            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime();
            return new CpuTime(jvm, postgresTicks() * NANOS_PER_TICK);
        }

        /** "JVM a ms, PostgreSQL b ms per message" since {@code start}; PostgreSQL is left out when not local. */
        String perMessageSince(CpuTime start, long messages) {
            long n = Math.max(1, messages);
            String jvm = "JVM CPU " + fmt((jvmNanos - start.jvmNanos) / 1e6 / n) + " ms";
            return postgresNanos < 0 || start.postgresNanos < 0
                    ? jvm + " per message"
                    : jvm + ", PostgreSQL CPU " + fmt((postgresNanos - start.postgresNanos) / 1e6 / n)
                            + " ms per message";
        }

        private static long postgresTicks() {
            Path proc = Path.of("/proc");
            if (!Files.isDirectory(proc)) {
                return -1;
            }
            long ticks = 0;
            boolean found = false;
            try (var entries = Files.list(proc)) {
                for (Path dir : (Iterable<Path>) entries::iterator) {
                    if (!dir.getFileName().toString().chars().allMatch(Character::isDigit)) {
                        continue;
                    }
                    try {
                        String stat = Files.readString(dir.resolve("stat"));
                        int open = stat.indexOf('(');
                        int close = stat.lastIndexOf(')');
                        if (open < 0
                                || close < 0
                                || !stat.substring(open + 1, close).startsWith("postgres")) {
                            continue;
                        }
                        // After the name: state is field 3; utime and stime are fields 14 and 15.
                        String[] fields = stat.substring(close + 2).split(" ");
                        ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                        found = true;
                    } catch (IOException | RuntimeException gone) {
                        // The process ended while we looked: its time is no longer counted anywhere.
                    }
                }
            } catch (IOException e) {
                return -1;
            }
            return found ? ticks : -1;
        }
    }
}
