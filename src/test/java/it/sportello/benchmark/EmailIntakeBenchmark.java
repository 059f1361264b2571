package it.sportello.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Raw-MIME e-mail intake (POST /api/v1/channels/email/inbound, each message stored, parsed and
 * turned into a new ticket) on PostgreSQL, {@code bench.messages} messages (5,000) at
 * concurrency 1 and again at 4. The corpus mixes an Outlook windows-1252 multipart/alternative
 * mail, a Thunderbird ISO-8859-1 plain mail and, one in ten, a Gmail mail with an inline image
 * and two attachments. Target: at least 200 messages/s.
 *
 * <p>{@code ./mvnw -Pbenchmark test -Dtest=EmailIntakeBenchmark [-Dbench.messages=5000] [-Dbench.enforce=true]}
 */
@Tag("benchmark")
class EmailIntakeBenchmark {

    private static final String SCHEMA = "sportello_bench_email";
    private static final double TARGET = 200;

    private final int messages = Integer.getInteger("bench.messages", 5000);
    private final int warmup = Integer.getInteger("bench.warmup-messages", 300);
    private final boolean enforce = Boolean.getBoolean("bench.enforce");
    private final boolean keep = Boolean.getBoolean("bench.keep");
    private final AtomicLong sequence = new AtomicLong();
    private final MailCorpus corpus = new MailCorpus("x");

    @Test
    void rawMimeIntakeRate() throws Exception {
        Bench.dropSchema(SCHEMA);
        Bench.createSchema(SCHEMA);
        Result c1;
        Result c4;
        try {
            try (Bench.Running app = Bench.start(SCHEMA)) {
                URI inbound = URI.create(app.base() + "/api/v1/channels/email/inbound");
                Result first = send(inbound, 4, warmup);
                c1 = send(inbound, 1, messages);
                c4 = send(inbound, 4, messages);
                Bench.banner("E-mail intake, raw MIME through HTTP, PostgreSQL (" + messages + " messages per run)");
                for (Result r : List.of(first, c1, c4)) {
                    System.out.println(r.summary());
                }
                long expected = (long) warmup + 2L * messages;
                try (Connection c = Bench.connect(SCHEMA);
                        Statement s = c.createStatement();
                        ResultSet rows = s.executeQuery("select status, count(*) from email_intake group by status")) {
                    while (rows.next()) {
                        System.out.println("  intake rows " + rows.getString(1) + ": " + rows.getLong(2));
                    }
                }
                try (Connection c = Bench.connect(SCHEMA);
                        Statement s = c.createStatement();
                        ResultSet rows =
                                s.executeQuery("select count(*) from ticket_message where channel = 'EMAIL'")) {
                    rows.next();
                    System.out.println(
                            "  ticket messages from e-mail: " + rows.getLong(1) + " (expected " + expected + ")");
                    assertThat(rows.getLong(1)).isEqualTo(expected);
                }
            }
        } finally {
            if (!keep) {
                Bench.dropSchema(SCHEMA);
            }
        }
        assertThat(c1.failures.get() + c4.failures.get())
                .as("messages not answered 202 processed: %s", c1.errors.isEmpty() ? c4.errors : c1.errors)
                .isZero();
        if (enforce) {
            assertThat(c4.rate()).as("messages/s at c=4").isGreaterThanOrEqualTo(TARGET);
        }
    }

    private Result send(URI inbound, int clients, int total) throws InterruptedException {
        Result result = new Result("c=" + clients, total);
        AtomicInteger left = new AtomicInteger(total);
        CountDownLatch done = new CountDownLatch(clients);
        Bench.CpuTime cpu = Bench.CpuTime.now();
        long start = System.nanoTime();
        for (int i = 0; i < clients; i++) {
            Thread.ofPlatform().name("mail-" + i).start(() -> {
                HttpClient http = HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(5))
                        .build();
                List<Long> latencies = new ArrayList<>();
                try {
                    while (left.getAndDecrement() > 0) {
                        byte[] mail = corpus.mail(sequence.incrementAndGet());
                        HttpRequest request = HttpRequest.newBuilder(inbound)
                                .timeout(Duration.ofSeconds(30))
                                .header("Authorization", "Bearer " + Bench.TOKEN)
                                .header("Content-Type", "message/rfc822")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(mail))
                                .build();
                        long t0 = System.nanoTime();
                        try {
                            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                            latencies.add(System.nanoTime() - t0);
                            if (response.statusCode() != 202 || !response.body().contains("\"processed\"")) {
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
        result.cpu = Bench.CpuTime.now().perMessageSince(cpu, total);
        return result;
    }

    private static final class Result {
        final String name;
        final int total;
        final AtomicInteger failures = new AtomicInteger();
        final ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
        final List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        long elapsedNanos;
        String cpu;

        Result(String name, int total) {
            this.name = name;
            this.total = total;
        }

        void failed(String error) {
            failures.incrementAndGet();
            if (errors.size() < 5) {
                errors.add(error);
            }
        }

        double rate() {
            return total / (elapsedNanos / 1e9);
        }

        String summary() {
            Bench.Latencies l = Bench.Latencies.of(
                    latencies.stream().mapToLong(Long::longValue).toArray());
            return String.format(
                    java.util.Locale.ROOT,
                    "  %-5s %,6d messages in %6.1f s = %s messages/s; latency p50 %s ms, p95 %s ms, p99 %s ms, max %s ms;"
                            + " failures %d; %s",
                    name,
                    total,
                    elapsedNanos / 1e9,
                    Bench.fmt(rate()),
                    Bench.fmt(l.percentileMillis(50)),
                    Bench.fmt(l.percentileMillis(95)),
                    Bench.fmt(l.percentileMillis(99)),
                    Bench.fmt(l.maxMillis()),
                    failures.get(),
                    cpu);
        }
    }
}
