package it.sportello.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The agent's inbox page at 1,000,000 tickets, as a signed-in agent's browser asks for it: the
 * full page, the list fragment htmx swaps in for the views "open", "unassigned" and "mine", the
 * view counts the page polls every 15 s, and a text search. In the same run, on the same schema
 * (seeded by {@link TicketSeeder}, shared with {@link TicketListBenchmark}), the API's open-tickets
 * list is the reference every figure is also given as a ratio to. One client, requests
 * round-robin, p50/p99/max after warm-up. Target: p99 at most 50 ms, as for the API list.
 *
 * <p>The agent is a seeded one ({@code agent0@seed.sportello.bench}, so "mine" holds their share
 * of the desk) given a password through the API, as an admin would.
 *
 * <p>{@code ./mvnw -Pbenchmark test -Dtest=InboxPageBenchmark [-Dbench.tickets=1000000]
 * [-Dbench.reseed=true] [-Dbench.requests=200] [-Dbench.warmup=30] [-Dbench.search=rimborso]
 * [-Dbench.enforce=true]}
 */
@Tag("benchmark")
class InboxPageBenchmark {

    private static final String SCHEMA = System.getProperty("bench.schema", "sportello_bench");
    private static final double TARGET_P99_MS = 50;
    private static final String REFERENCE = "REST list, open (reference)";
    private static final String AGENT = "agent0@seed.sportello.bench";
    private static final String PASSWORD = "inbox-benchmark-password";
    private static final Pattern RANGE = Pattern.compile("class=\"muted range\">([^<]*)<");
    private static final Pattern TOTAL = Pattern.compile("\"total\":(\\d+)");
    private static final Pattern COUNT =
            Pattern.compile("id=\"view-([a-z_]+)\".*?class=\"view-count\"[^>]*>(\\d+)<", Pattern.DOTALL);

    private final int tickets = Integer.getInteger("bench.tickets", 1_000_000);
    private final boolean reseed = Boolean.getBoolean("bench.reseed");
    private final int requests = Integer.getInteger("bench.requests", 200);
    private final int warmup = Integer.getInteger("bench.warmup", 30);
    /** A word in the seeded subjects ("Rimborso non ricevuto") and so in the first messages. */
    private final String search = System.getProperty("bench.search", "rimborso");

    private final boolean enforce = Boolean.getBoolean("bench.enforce");

    private record Variant(String path, boolean session, boolean htmx, Predicate<String> check) {}

    @Test
    void inboxPageAtScale() throws Exception {
        Bench.seeded(SCHEMA, tickets, reseed);
        Map<String, Variant> variants = new LinkedHashMap<>();
        variants.put(
                REFERENCE,
                new Variant(
                        "/api/v1/tickets?status=new,open,pending,on_hold&size=25",
                        false,
                        false,
                        TicketListBenchmark::hasRows));
        variants.put(
                "inbox page, all open (full)",
                new Variant("/inbox?view=open", true, false, b -> b.contains("<html") && hasRows(b)));
        variants.put("list fragment, open", new Variant("/inbox?view=open", true, true, InboxPageBenchmark::fragment));
        variants.put(
                "list fragment, unassigned",
                new Variant("/inbox?view=unassigned", true, true, InboxPageBenchmark::fragment));
        variants.put("list fragment, mine", new Variant("/inbox?view=mine", true, true, InboxPageBenchmark::fragment));
        variants.put(
                "view counts (polled)",
                new Variant("/inbox/counts?view=open", true, true, b -> b.contains("id=\"inbox-views\"")));
        variants.put(
                "search q=" + search + " (open)",
                new Variant("/inbox?view=open&q=" + search, true, true, InboxPageBenchmark::fragment));

        Map<String, Bench.Series> results = new LinkedHashMap<>();
        try (Bench.Running app = Bench.start(SCHEMA)) {
            HttpClient api = Bench.http();
            givePassword(api, app.base());
            HttpClient browser = Bench.signedIn(app.base(), AGENT, PASSWORD);
            Map<String, HttpRequest> calls = new LinkedHashMap<>();
            variants.forEach((name, v) -> {
                URI uri = URI.create(app.base() + v.path());
                calls.put(name, v.session() ? page(uri, v.htmx()) : Bench.apiGet(uri));
                results.put(name, new Bench.Series(requests));
            });
            // Round-robin, warm-up included, so JIT warm-up and the machine's noise fall on every variant alike.
            for (int i = 0; i < warmup + requests; i++) {
                for (var call : calls.entrySet()) {
                    Variant v = variants.get(call.getKey());
                    results.get(call.getKey())
                            .send(v.session() ? browser : api, call.getValue(), i - warmup, v.check());
                }
            }
        }
        report(variants, results);
        long failures =
                results.values().stream().mapToLong(Bench.Series::failures).sum();
        assertThat(failures)
                .as(
                        "requests that did not answer 200 with what was expected: %s",
                        results.values().stream()
                                .flatMap(m -> m.errors().stream())
                                .toList())
                .isZero();
        if (enforce) {
            results.forEach((name, series) -> assertThat(series.latencies().percentileMillis(99))
                    .as("p99 of %s, ms", name)
                    .isLessThanOrEqualTo(TARGET_P99_MS));
        }
    }

    /** Sets a password for the seeded agent through the API (seeded staff have none), as an admin would. */
    private static void givePassword(HttpClient api, String base) throws Exception {
        String user = Bench.api(api, "GET", URI.create(base + "/api/v1/users?exactEmail=" + AGENT), "", 200);
        long id = Long.parseLong(user.replaceAll("(?s).*\"id\":(\\d+).*", "$1"));
        Bench.api(api, "PATCH", URI.create(base + "/api/v1/users/" + id), """
                {"password":"%s"}""".formatted(PASSWORD), 200);
    }

    /** A page request as a browser sends it; with {@code htmx}, as htmx does for a swap. */
    private static HttpRequest page(URI uri, boolean htmx) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "text/html,application/xhtml+xml")
                .GET();
        if (htmx) {
            request.header("HX-Request", "true").header("HX-Current-URL", uri.toString());
        }
        return request.build();
    }

    private static boolean hasRows(String html) {
        return html.contains("class=\"inbox-row");
    }

    private static boolean fragment(String html) {
        return !html.contains("<html") && html.contains("id=\"inbox-results\"") && hasRows(html);
    }

    private void report(Map<String, Variant> variants, Map<String, Bench.Series> results) {
        Bench.banner(String.format(
                Locale.ROOT,
                "Inbox page at %,d tickets: %d requests per variant after %d warm-up, one client",
                tickets,
                requests,
                warmup));
        Bench.Latencies reference = results.get(REFERENCE).latencies();
        System.out.printf(
                Locale.ROOT,
                "  %-30s %5s %-18s %8s %8s %8s %7s %7s %5s%n",
                "variant",
                "rows",
                "shown",
                "p50 ms",
                "p99 ms",
                "max ms",
                "p50 ×",
                "p99 ×",
                "fail");
        for (var e : results.entrySet()) {
            Bench.Series m = e.getValue();
            Bench.Latencies l = m.latencies();
            String body = m.first() == null ? "" : m.first().body();
            System.out.printf(
                    Locale.ROOT,
                    "  %-30s %5s %-18s %8s %8s %8s %7s %7s %5d%n",
                    e.getKey(),
                    e.getKey().equals(REFERENCE) ? "25" : Integer.toString(count(body, "class=\"inbox-row")),
                    shown(e.getKey(), body),
                    Bench.fmt(l.percentileMillis(50)),
                    Bench.fmt(l.percentileMillis(99)),
                    Bench.fmt(l.maxMillis()),
                    ratio(l.percentileMillis(50), reference.percentileMillis(50)),
                    ratio(l.percentileMillis(99), reference.percentileMillis(99)),
                    m.failures());
        }
        System.out.println("  (× = the figure divided by the same figure of the REST list in this run)");
        System.out.printf(Locale.ROOT, "  target: p99 <= %.0f ms%n", TARGET_P99_MS);
        results.forEach((name, series) -> {
            double p99 = series.latencies().percentileMillis(99);
            System.out.printf(
                    Locale.ROOT,
                    "    %-30s p99 %9s ms  %s%n",
                    name,
                    Bench.fmt(p99),
                    p99 <= TARGET_P99_MS ? "MET" : "*** MISSED ***");
        });
        Matcher counts = COUNT.matcher(
                results.get("view counts (polled)").first() == null
                        ? ""
                        : results.get("view counts (polled)").first().body());
        StringBuilder seen = new StringBuilder();
        while (counts.find()) {
            seen.append("  ").append(counts.group(1)).append('=').append(counts.group(2));
        }
        System.out.println("  view counts:" + seen);
        variants.forEach((name, v) ->
                System.out.printf(Locale.ROOT, "  %-30s GET %s%s%n", name, v.path(), v.htmx() ? "  (HX-Request)" : ""));
        System.out.println();
    }

    private static String shown(String name, String body) {
        if (name.equals(REFERENCE)) {
            Matcher total = TOTAL.matcher(body);
            return total.find() ? "total " + total.group(1) : "";
        }
        Matcher range = RANGE.matcher(body);
        return range.find() ? range.group(1).strip() : "";
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    private static String ratio(double value, double reference) {
        return String.format(Locale.ROOT, "%.1f", value / reference);
    }
}
