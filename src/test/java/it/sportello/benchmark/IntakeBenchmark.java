package it.sportello.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Ticket intake through the HTTP API (POST /api/v1/tickets, each from a new customer) at
 * concurrency 1 and 8, against the raw single-row insert rate of the same PostgreSQL measured in
 * the same run (8 connections, autocommit INSERTs into a table shaped like a ticket row).
 * Target: intake at c=8 is at least 20 % of the raw rate.
 *
 * <p>{@code ./mvnw -Pbenchmark test -Dtest=IntakeBenchmark [-Dbench.seconds=15] [-Dbench.enforce=true]}
 */
@Tag("benchmark")
class IntakeBenchmark {

    private static final String SCHEMA = "sportello_bench_intake";
    private static final double TARGET_RATIO = 0.20;

    private final int seconds = Integer.getInteger("bench.seconds", 15);
    private final int warmupSeconds = Integer.getInteger("bench.warmup-seconds", 8);
    private final boolean enforce = Boolean.getBoolean("bench.enforce");
    private final boolean keep = Boolean.getBoolean("bench.keep");
    private final AtomicLong sequence = new AtomicLong();
    private final String run = Long.toString(System.currentTimeMillis(), 36);

    @Test
    void intakeAgainstRawInsertRate() throws Exception {
        Bench.dropSchema(SCHEMA);
        Bench.createSchema(SCHEMA);
        Result c1;
        Result c8;
        Result raw;
        try {
            try (Bench.Running app = Bench.start(SCHEMA)) {
                URI tickets = URI.create(app.base() + "/api/v1/tickets");
                // An integration acts with an agent's token, as a contact form or mail gateway would;
                // an admin's token would add an audit line to every ticket.
                String token = integrationToken(app.base());
                Result warmup = http(tickets, token, 8, warmupSeconds);
                c1 = http(tickets, token, 1, seconds);
                c8 = http(tickets, token, 8, seconds);
                Result rawWarmup = raw(8, 2);
                raw = raw(8, seconds);
                report(warmup, c1, c8, rawWarmup, raw);
            }
        } finally {
            if (!keep) {
                Bench.dropSchema(SCHEMA);
            }
        }
        long failures = c1.failures + c8.failures;
        assertThat(failures)
                .as("ticket creations that did not answer 201: %s", c1.errors.isEmpty() ? c8.errors : c1.errors)
                .isZero();
        if (enforce) {
            assertThat(c8.rate() / raw.rate())
                    .as("intake at c=8 / raw insert rate")
                    .isGreaterThanOrEqualTo(TARGET_RATIO);
        }
    }

    /** {@code clients} threads, each with its own HTTP connection, creating tickets for {@code duration} seconds. */
    private Result http(URI tickets, String token, int clients, int duration) throws InterruptedException {
        Result result = new Result("HTTP c=" + clients);
        CountDownLatch done = new CountDownLatch(clients);
        long start = System.nanoTime();
        long deadline = start + Duration.ofSeconds(duration).toNanos();
        for (int i = 0; i < clients; i++) {
            Thread.ofPlatform().name("intake-" + i).start(() -> {
                HttpClient http = HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(5))
                        .build();
                List<Long> latencies = new ArrayList<>();
                try {
                    while (System.nanoTime() < deadline) {
                        long n = sequence.incrementAndGet();
                        HttpRequest request = HttpRequest.newBuilder(tickets)
                                .timeout(Duration.ofSeconds(30))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .header("Accept", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body(n), StandardCharsets.UTF_8))
                                .build();
                        long t0 = System.nanoTime();
                        try {
                            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                            latencies.add(System.nanoTime() - t0);
                            if (response.statusCode() == 201) {
                                result.ok.incrementAndGet();
                            } else {
                                result.failed(response.statusCode() + " " + response.body());
                            }
                        } catch (Exception e) {
                            result.failed(e.toString());
                        }
                    }
                } finally {
                    result.latencies.addAll(latencies);
                    http.close();
                    done.countDown();
                }
            });
        }
        done.await();
        result.elapsedNanos = System.nanoTime() - start;
        return result;
    }

    /** Creates an agent and an API token for them through the API, as an admin would for an integration. */
    private static String integrationToken(String base) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            String user = post(http, base + "/api/v1/users", """
                    {"email":"intake-%d@bench.sportello","displayName":"Integrazione","role":"agent"}""".formatted(System.nanoTime()));
            long id = Long.parseLong(user.replaceAll("(?s).*\"id\":(\\d+).*", "$1"));
            String token = post(http, base + "/api/v1/tokens", """
                    {"name":"intake benchmark","userId":%d}""".formatted(id));
            return token.replaceAll("(?s).*\"token\":\"([^\"]+)\".*", "$1");
        }
    }

    private static String post(HttpClient http, String url, String json) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", "Bearer " + Bench.TOKEN)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return response.body();
    }

    private String body(long n) {
        String email = "bench-" + run + "-" + n + "@example.it";
        return """
                {"subject":"Ordine %d non ancora arrivato","customer":{"email":"%s","name":"Cliente %d"},\
                "message":{"body":"Buongiorno, ho ordinato il %d e non ho ancora ricevuto nulla. Potete verificare? Grazie."},\
                "channel":"web","priority":"normal","tags":[]}""".formatted(n, email, n, n);
    }

    /** {@code connections} threads, each on its own connection, inserting one row per autocommit statement. */
    private Result raw(int connections, int duration) throws Exception {
        try (Connection c = Bench.connect(SCHEMA);
                Statement s = c.createStatement()) {
            s.execute("""
                    create table if not exists raw_ticket (
                        id             bigint primary key,
                        subject        varchar(250) not null,
                        status         varchar(10)  not null,
                        priority       varchar(10)  not null,
                        channel        varchar(10)  not null,
                        requester_id   bigint not null,
                        assignee_id    bigint,
                        group_id       bigint,
                        created_at     timestamp with time zone not null,
                        updated_at     timestamp with time zone not null,
                        reopened_count integer not null,
                        version        bigint not null)""");
        }
        Result result = new Result("raw JDBC x" + connections);
        CountDownLatch done = new CountDownLatch(connections);
        long start = System.nanoTime();
        long deadline = start + Duration.ofSeconds(duration).toNanos();
        for (int i = 0; i < connections; i++) {
            Thread.ofPlatform().name("raw-" + i).start(() -> {
                try (Connection c = Bench.connect(SCHEMA);
                        PreparedStatement insert = c.prepareStatement("""
                                insert into raw_ticket (id, subject, status, priority, channel, requester_id,
                                    assignee_id, group_id, created_at, updated_at, reopened_count, version)
                                values (?, ?, 'NEW', 'NORMAL', 'WEB', ?, null, null, ?, ?, 0, 0)""")) {
                    c.setAutoCommit(true);
                    while (System.nanoTime() < deadline) {
                        long n = sequence.incrementAndGet();
                        Timestamp now = Timestamp.from(Instant.now());
                        insert.setLong(1, n);
                        insert.setString(2, "Ordine " + n + " non ancora arrivato");
                        insert.setLong(3, n);
                        insert.setTimestamp(4, now);
                        insert.setTimestamp(5, now);
                        insert.executeUpdate();
                        result.ok.incrementAndGet();
                    }
                } catch (Exception e) {
                    result.failed(e.toString());
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
        result.elapsedNanos = System.nanoTime() - start;
        if (result.failures > 0) {
            throw new IllegalStateException("raw inserts failed: " + result.errors);
        }
        return result;
    }

    private void report(Result warmup, Result c1, Result c8, Result rawWarmup, Result raw) {
        double ratio = c8.rate() / raw.rate();
        Bench.banner("Ticket intake vs raw PostgreSQL inserts (one run, " + seconds + " s per measure)");
        System.out.printf(
                Locale.ROOT,
                "  (warm-up: %d tickets at c=8 in %d s, %d raw rows)%n",
                warmup.ok.get(),
                warmupSeconds,
                rawWarmup.ok.get());
        System.out.printf(
                Locale.ROOT, "  %-34s %12s %10s %10s %9s%n", "measure", "per second", "p50 ms", "p99 ms", "failures");
        line("tickets via POST /api/v1/tickets c=1", c1);
        line("tickets via POST /api/v1/tickets c=8", c8);
        line("raw single-row INSERTs, 8 conns", raw);
        System.out.printf(
                Locale.ROOT,
                "  intake(c=8) / raw inserts = %.1f %%   (target >= %.0f %%)  %s%n",
                ratio * 100,
                TARGET_RATIO * 100,
                ratio >= TARGET_RATIO ? "MET" : "*** MISSED ***");
        System.out.printf(
                Locale.ROOT,
                "  intake(c=1) / raw inserts = %.1f %%;  c=8 / c=1 = %.2fx%n",
                c1.rate() / raw.rate() * 100,
                c8.rate() / c1.rate());
        if (c1.failures + c8.failures + warmup.failures > 0) {
            System.out.println("  *** FAILED REQUESTS: c=1 " + c1.failures + ", c=8 " + c8.failures + ", warm-up "
                    + warmup.failures + " — figures are not valid. First errors: " + c1.errors + c8.errors
                    + warmup.errors);
        }
        System.out.println();
    }

    private static void line(String label, Result r) {
        Bench.Latencies l = Bench.Latencies.of(
                r.latencies.stream().mapToLong(Long::longValue).toArray());
        System.out.printf(
                Locale.ROOT,
                "  %-34s %12s %10s %10s %9d%n",
                label,
                Bench.fmt(r.rate()),
                r.latencies.isEmpty() ? "-" : Bench.fmt(l.percentileMillis(50)),
                r.latencies.isEmpty() ? "-" : Bench.fmt(l.percentileMillis(99)),
                r.failures);
    }

    private static final class Result {
        final String name;
        final AtomicLong ok = new AtomicLong();
        final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        final List<String> errors = new ArrayList<>();
        volatile long failures;
        long elapsedNanos;

        Result(String name) {
            this.name = name;
        }

        synchronized void failed(String error) {
            failures++;
            if (errors.size() < 3) {
                errors.add(error.length() > 300 ? error.substring(0, 300) : error);
            }
        }

        double rate() {
            return ok.get() / (elapsedNanos / 1e9);
        }
    }
}
