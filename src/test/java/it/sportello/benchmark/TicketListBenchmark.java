package it.sportello.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The inbox at 1,000,000 tickets: {@code GET /api/v1/tickets} (25 rows, newest activity first) on
 * a schema seeded by {@link TicketSeeder}, one client, p50/p99/max per variant. The seeded schema
 * ({@code sportello_bench}) is kept and reused while its ticket count matches, so reruns start in
 * seconds. Target: p99 of the open-tickets list at most 50 ms.
 *
 * <p>{@code ./mvnw -Pbenchmark test -Dtest=TicketListBenchmark [-Dbench.tickets=1000000]
 * [-Dbench.reseed=true] [-Dbench.requests=1000] [-Dbench.warmup=200] [-Dbench.enforce=true]}
 */
@Tag("benchmark")
class TicketListBenchmark {

    private static final String SCHEMA = System.getProperty("bench.schema", "sportello_bench");
    private static final double TARGET_P99_MS = 50;
    private static final String OPEN = "/api/v1/tickets?status=new,open,pending,on_hold&size=25";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final int tickets = Integer.getInteger("bench.tickets", 1_000_000);
    private final boolean reseed = Boolean.getBoolean("bench.reseed");
    private final int requests = Integer.getInteger("bench.requests", 1_000);
    private final int warmup = Integer.getInteger("bench.warmup", 200);
    private final boolean enforce = Boolean.getBoolean("bench.enforce");

    @Test
    void openTicketsListAtScale() throws Exception {
        prepareSchema();
        Map<String, String> variants = new LinkedHashMap<>();
        variants.put("open tickets, page 1 (the target)", OPEN);
        variants.put("open tickets, page 2", OPEN + "&page=1");
        variants.put("open tickets, unassigned", OPEN + "&assignee=none");
        variants.put("open tickets, priority=urgent", OPEN + "&priority=urgent");
        variants.put("all statuses, page 1", "/api/v1/tickets?size=25");
        Map<String, Measured> results = new LinkedHashMap<>();
        try (Bench.Running app = Bench.start(SCHEMA)) {
            HttpClient http = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            Map<String, HttpRequest> calls = new LinkedHashMap<>();
            variants.forEach((name, path) -> {
                calls.put(name, request(URI.create(app.base() + path)));
                results.put(name, new Measured(requests));
            });
            // Round-robin, warm-up included, so JIT warm-up and the machine's noise fall on every variant alike.
            for (int i = 0; i < warmup + requests; i++) {
                for (var call : calls.entrySet()) {
                    results.get(call.getKey()).send(http, call.getValue(), i - warmup);
                }
            }
        }
        results.values().forEach(Measured::summarise);
        Measured target = results.values().iterator().next();
        report(variants, results);
        long failures = results.values().stream().mapToLong(m -> m.failures).sum();
        assertThat(failures)
                .as(
                        "list requests that did not answer 200 with rows: %s",
                        results.values().stream()
                                .flatMap(m -> m.errors.stream())
                                .toList())
                .isZero();
        if (enforce) {
            assertThat(target.latencies.percentileMillis(99))
                    .as("p99 of the open-tickets list, ms")
                    .isLessThanOrEqualTo(TARGET_P99_MS);
        }
    }

    /** Reuses a seeded schema with the wanted number of tickets; otherwise makes one afresh. */
    private void prepareSchema() throws Exception {
        long existing = reseed ? -1 : ticketCount();
        if (existing == tickets) {
            System.out.printf(
                    Locale.ROOT,
                    "%nReusing schema %s with %,d tickets (-Dbench.reseed=true to seed again)%n",
                    SCHEMA,
                    existing);
            return;
        }
        System.out.printf(
                Locale.ROOT,
                "%nSeeding schema %s with %,d tickets (found %s)%n",
                SCHEMA,
                tickets,
                existing < 0 ? "reseed requested" : existing + " tickets");
        Bench.dropSchema(SCHEMA);
        Bench.createSchema(SCHEMA);
        Flyway.configure()
                .dataSource(Bench.url(SCHEMA), Bench.POSTGRES_USER, Bench.POSTGRES_PASSWORD)
                .schemas(SCHEMA)
                .defaultSchema(SCHEMA)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        try (Connection c = Bench.connect(SCHEMA)) {
            new TicketSeeder(c, 42, System.out::println).seed(tickets, TicketSeeder.defaultCustomers(tickets));
        }
    }

    private static long ticketCount() {
        try (Connection c = Bench.connect(SCHEMA);
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select count(*) from " + SCHEMA + ".ticket")) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            return -1; // no schema or no tables yet
        }
    }

    private static HttpRequest request(URI uri) {
        return HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + Bench.TOKEN)
                .header("Accept", "application/json")
                .GET()
                .build();
    }

    private void report(Map<String, String> variants, Map<String, Measured> results) {
        Bench.banner(String.format(
                Locale.ROOT,
                "Ticket list at %,d tickets: %d requests per variant after %d warm-up," + " one client",
                tickets,
                requests,
                warmup));
        System.out.printf(
                Locale.ROOT,
                "  %-36s %6s %10s %8s %8s %8s %5s%n",
                "variant",
                "rows",
                "total",
                "p50 ms",
                "p99 ms",
                "max ms",
                "fail");
        for (var e : results.entrySet()) {
            Measured m = e.getValue();
            System.out.printf(
                    Locale.ROOT,
                    "  %-36s %6d %10d %8s %8s %8s %5d%n",
                    e.getKey(),
                    m.rows,
                    m.total,
                    Bench.fmt(m.latencies.percentileMillis(50)),
                    Bench.fmt(m.latencies.percentileMillis(99)),
                    Bench.fmt(m.latencies.maxMillis()),
                    m.failures);
        }
        double p99 = results.values().iterator().next().latencies.percentileMillis(99);
        System.out.printf(
                Locale.ROOT,
                "  open-tickets list p99 = %s ms   (target <= %.0f ms)  %s%n",
                Bench.fmt(p99),
                TARGET_P99_MS,
                p99 <= TARGET_P99_MS ? "MET" : "*** MISSED ***");
        System.out.println("  requests: " + String.join("  ", variants.values()));
        System.out.println();
    }

    private static final class Measured {
        final long[] nanos;
        Bench.Latencies latencies;
        long total = -1;
        int rows;
        long failures;
        final List<String> errors = new ArrayList<>();

        Measured(int requests) {
            nanos = new long[requests];
        }

        /** One request; {@code index} below 0 is warm-up and not timed. */
        void send(HttpClient http, HttpRequest request, int index) throws Exception {
            long t0 = System.nanoTime();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            long took = System.nanoTime() - t0;
            if (index >= 0) {
                nanos[index] = took;
            }
            if (response.statusCode() != 200) {
                failed(response.statusCode() + " " + response.body());
            } else if (total < 0) {
                JsonNode page = JSON.readTree(response.body());
                total = page.get("total").asLong();
                rows = page.get("items").size();
                if (rows == 0) {
                    failed("no rows for " + request.uri());
                }
            }
        }

        void summarise() {
            latencies = Bench.Latencies.of(nanos);
        }

        void failed(String error) {
            failures++;
            if (errors.size() < 3) {
                errors.add(error.length() > 300 ? error.substring(0, 300) : error);
            }
        }
    }
}
