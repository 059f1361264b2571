package it.sportello.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.support.Browser;
import java.io.IOException;
import java.lang.reflect.Type;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.converter.JacksonJsonMessageConverter;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Live chat on one node (in-process STOMP broker): {@code bench.visitors} visitors (1,000) on
 * WebSocket/STOMP sessions of their own, each writing a line every {@code bench.period-seconds} (5 s,
 * random phase) in a chat a person has accepted; {@code bench.agents} agents, signed in, hold the
 * chats and follow them over STOMP. Measures the delivery latency visitor → agent (send on the
 * visitor's socket to the line arriving on the agent's subscription), lines per second, refusals and
 * losses, and the server's heap after a full GC and its CPU. Target: p99 ≤ 100 ms on 2 cores.
 *
 * <p>The server runs in a JVM of its own (same classpath), so its heap and CPU are its own and not
 * the load generator's. An agent holds at most {@code ChatAgents.MAX_CAPACITY} (20) chats, so 1,000
 * chats take 50 agents.
 *
 * <p>{@code ./mvnw -B -o -Pbenchmark test -Dtest=ChatBenchmark [-Dbench.database=postgres]
 * [-Dbench.visitors=1000] [-Dbench.agents=50] [-Dbench.period-seconds=5] [-Dbench.seconds=60]
 * [-Dbench.warmup-seconds=15] [-Dbench.server-heap=1g] [-Dbench.enforce=true]}; diagnostics with
 * {@code -Dbench.server-jvm-args=...} (space-separated) and {@code -Dbench.app-args=...} (comma-separated).
 * On a machine busy with other work the tail follows the server's young-GC pauses (seen with
 * {@code -XX:StartFlightRecording}); {@code -Dbench.server-jvm-args=-XX:MaxGCPauseMillis=20} shortens them.
 */
@Tag("benchmark")
class ChatBenchmark {

    private static final String SCHEMA = "sportello_bench_chat";
    private static final double TARGET_P99_MILLIS = 100;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final int visitors = Integer.getInteger("bench.visitors", 1000);
    private final int agents = Integer.getInteger("bench.agents", 50);
    private final int periodSeconds = Integer.getInteger("bench.period-seconds", 5);
    private final int seconds = Integer.getInteger("bench.seconds", 60);
    private final int warmupSeconds = Integer.getInteger("bench.warmup-seconds", 15);
    private final boolean postgres = "postgres".equals(System.getProperty("bench.database", "h2"));
    private final String serverHeap = System.getProperty("bench.server-heap", "1g");
    private final boolean enforce = Boolean.getBoolean("bench.enforce");

    /** One chat, as its visitor and the agent who holds it know it. */
    record ChatRef(long id, String token, int agent) {}

    record Agent(long id, String email, String password, String token) {}

    // What the run counts; the handlers run on the WebSocket client's I/O threads and only note things.
    private final Map<String, Long> sentAt = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong sentMeasured = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong heldBack = new AtomicLong();
    private final AtomicLong transportErrors = new AtomicLong();
    private final ConcurrentLinkedQueue<String> errorSamples = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean measuring = new AtomicBoolean();

    @Test
    void thousandVisitorsWritingToAgentsOverStomp() throws Exception {
        int capacity = (visitors + agents - 1) / agents;
        if (capacity > 20) {
            throw new IllegalArgumentException(
                    "An agent holds at most 20 chats: -Dbench.agents=" + ((visitors + 19) / 20) + " or more");
        }
        if (postgres) {
            Bench.dropSchema(SCHEMA);
            Bench.createSchema(SCHEMA);
        }
        WebSocketStompClient stomp = stompClient();
        List<StompSession> sessions = new ArrayList<>();
        try (Server server = Server.start(postgres, serverHeap)) {
            HttpClient http = Bench.http();
            long idleHeap = server.heapAfterGc();

            long setupStart = System.nanoTime();
            List<Agent> staff = createAgents(http, server.base(), capacity);
            List<ChatRef> chats = acceptedChats(server.base(), staff, capacity);
            double setupSeconds = (System.nanoTime() - setupStart) / 1e9;
            long chatsHeap = server.heapAfterGc();

            long connectStart = System.nanoTime();
            for (int a = 0; a < staff.size(); a++) {
                sessions.add(connectAgent(stomp, server, staff.get(a), a, chats));
            }
            List<Writer> writers = chats.stream().map(Writer::new).toList();
            sessions.addAll(connectVisitors(stomp, server.port(), writers));
            double connectSeconds = (System.nanoTime() - connectStart) / 1e9;
            Thread.sleep(3000); // the last SUBSCRIBE frames take effect
            long sessionsHeap = server.heapAfterGc();

            ScheduledExecutorService ticks = Executors.newScheduledThreadPool(2);
            for (Writer writer : writers) {
                long phase = ThreadLocalRandom.current().nextLong(periodSeconds * 1000L);
                ticks.scheduleAtFixedRate(() -> write(writer), phase, periodSeconds * 1000L, TimeUnit.MILLISECONDS);
            }
            Thread.sleep(warmupSeconds * 1000L);
            long deliveredBefore = delivered.get();
            long cpuBefore = server.cpuNanos();
            long clientCpuBefore = clientCpuNanos();
            measuring.set(true);
            long measureStart = System.nanoTime();
            Thread.sleep(seconds * 1000L);
            measuring.set(false);
            long measureNanos = System.nanoTime() - measureStart;
            long cpuUsed = server.cpuNanos() - cpuBefore;
            long clientCpuUsed = clientCpuNanos() - clientCpuBefore;
            long deliveredInWindow = delivered.get() - deliveredBefore;
            long runningHeap = server.heapAfterGc();
            ticks.shutdownNow();
            Thread.sleep(5000); // what is still on its way arrives, or counts as lost
            long lost = sentAt.size();

            long[] nanos = latencies.stream().mapToLong(Long::longValue).toArray();
            Bench.Latencies measured = Bench.Latencies.of(nanos);
            Bench.banner("Chat: " + chats.size() + " visitors, " + staff.size() + " agents, a line every "
                    + periodSeconds + " s each, " + (postgres ? "PostgreSQL" : "H2 (file)"));
            System.out.printf(
                    Locale.ROOT,
                    "setup %.1f s (%d chats started, handed over, accepted), %d STOMP sessions connected in %.1f s%n",
                    setupSeconds,
                    chats.size(),
                    sessions.size(),
                    connectSeconds);
            System.out.printf(
                    Locale.ROOT,
                    "measured %d s after %d s warm-up: %d lines timed visitor -> agent, %.1f lines/s delivered%n",
                    seconds,
                    warmupSeconds,
                    nanos.length,
                    deliveredInWindow / (measureNanos / 1e9));
            System.out.printf(
                    Locale.ROOT,
                    "latency visitor -> agent: p50 %s ms, p90 %s ms, p99 %s ms, max %s ms (target p99 <= %.0f ms)%n",
                    Bench.fmt(measured.percentileMillis(50)),
                    Bench.fmt(measured.percentileMillis(90)),
                    Bench.fmt(measured.percentileMillis(99)),
                    Bench.fmt(measured.maxMillis()),
                    TARGET_P99_MILLIS);
            System.out.printf(
                    Locale.ROOT,
                    "sent %d (in window %d), acknowledged %d, rejected %d, held back (previous not yet back) %d, "
                            + "lost %d, transport errors %d%n",
                    sent.get(),
                    sentMeasured.get(),
                    acknowledged.get(),
                    rejected.get(),
                    heldBack.get(),
                    lost,
                    transportErrors.get());
            System.out.printf(
                    Locale.ROOT,
                    "server heap after full GC: idle %s MB, with %d chats %s MB, with sessions %s MB, while running %s MB"
                            + " (%.1f KB per visitor session)%nCPU over the window: server %.0f %% of one core, load generator"
                            + " %.0f %% (%d cores, shared with whatever else runs on the machine)%n",
                    mb(idleHeap),
                    chats.size(),
                    mb(chatsHeap),
                    mb(sessionsHeap),
                    mb(runningHeap),
                    (sessionsHeap - chatsHeap) / 1024.0 / chats.size(),
                    100.0 * cpuUsed / measureNanos,
                    100.0 * clientCpuUsed / measureNanos,
                    Runtime.getRuntime().availableProcessors());
            errorSamples.stream().limit(5).forEach(e -> System.out.println("  error: " + e));

            assertThat(nanos.length).as("lines timed").isPositive();
            assertThat(transportErrors.get() + lost)
                    .as("transport errors and lost lines: %s", errorSamples)
                    .isZero();
            if (enforce) {
                assertThat(measured.percentileMillis(99)).as("p99 ms").isLessThanOrEqualTo(TARGET_P99_MILLIS);
            }
        } finally {
            for (StompSession session : sessions) {
                try {
                    session.disconnect();
                } catch (RuntimeException ignored) {
                    // going anyway
                }
            }
            stomp.stop();
            if (postgres) {
                Bench.dropSchema(SCHEMA);
            }
        }
    }

    /** A visitor's socket and the line they wait to see come back, if any (clients send one at a time). */
    static final class Writer {
        final ChatRef chat;
        final AtomicLong lines = new AtomicLong();
        volatile StompSession session;
        volatile String pending;

        Writer(ChatRef chat) {
            this.chat = chat;
        }
    }

    /** A visitor's next line, unless the previous one has not come back yet. */
    private void write(Writer writer) {
        if (writer.pending != null) {
            heldBack.incrementAndGet();
            return;
        }
        long n = writer.lines.incrementAndGet();
        boolean timed = measuring.get();
        String clientId = (timed ? "m" : "w") + writer.chat.id() + "-" + n;
        writer.pending = clientId;
        sentAt.put(clientId, System.nanoTime());
        sent.incrementAndGet();
        if (timed) {
            sentMeasured.incrementAndGet();
        }
        try {
            writer.session.send(
                    "/app/chats/" + writer.chat.id() + "/send", Map.of("clientId", clientId, "body", "Riga " + n));
        } catch (RuntimeException e) {
            transportErrors.incrementAndGet();
            sample("send: " + e);
        }
    }

    private List<Agent> createAgents(HttpClient http, String base, int capacity) throws Exception {
        List<Agent> created = new ArrayList<>();
        for (int i = 0; i < agents; i++) {
            String email = "agent-" + i + "-" + System.nanoTime() + "@bench.sportello";
            String password = "agent-password-" + i;
            String user =
                    Bench.api(http, "POST", URI.create(base + "/api/v1/users"), """
                    {"email":"%s","displayName":"Operatore %d","role":"agent","password":"%s"}""".formatted(email, i, password), 201);
            long id = JSON.readTree(user).get("id").asLong();
            String token = Bench.api(http, "POST", URI.create(base + "/api/v1/tokens"), """
                    {"name":"chat benchmark","userId":%d}""".formatted(id), 201);
            created.add(new Agent(
                    id, email, password, JSON.readTree(token).get("token").asString()));
        }
        return created;
    }

    /**
     * Each agent in turn says they are available, then their share of visitors start a chat, ask for
     * a person and are accepted at once (so the queue never grows long: the run is about lines, not
     * the queue). Four agents at a time.
     */
    private List<ChatRef> acceptedChats(String base, List<Agent> staff, int capacity) throws Exception {
        List<ChatRef> all = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<CompletableFuture<Void>> done = new ArrayList<>();
        for (int a = 0; a < staff.size(); a++) {
            int index = a;
            int share = Math.min(capacity, visitors - a * capacity);
            if (share <= 0) {
                break;
            }
            done.add(CompletableFuture.runAsync(
                    () -> {
                        try (HttpClient http = Bench.http()) {
                            Agent agent = staff.get(index);
                            call(
                                    http,
                                    "PUT",
                                    base + "/api/v1/chats/availability",
                                    agent.token(),
                                    """
                                    {"available":true,"capacity":%d}""".formatted(capacity),
                                    200);
                            for (int v = 0; v < share; v++) {
                                JsonNode started =
                                        JSON.readTree(call(http, "POST", base + "/chat/api/chats", null, """
                                                {"name":"Visitatore","locale":"it"}""", 201));
                                long chatId = started.get("chatId").asLong();
                                String token = started.get("token").asString();
                                HttpResponse<String> asked = http.send(
                                        HttpRequest.newBuilder(
                                                        URI.create(base + "/chat/api/chats/" + chatId + "/lines"))
                                                .header("Content-Type", "application/json")
                                                .header("X-Chat-Token", token)
                                                .POST(HttpRequest.BodyPublishers.ofString("""
                                                        {"clientId":"hello","body":"Vorrei parlare con un operatore"}"""))
                                                .build(),
                                        HttpResponse.BodyHandlers.ofString());
                                if (asked.statusCode() != 200) {
                                    throw new IllegalStateException(
                                            "Asking for a person: " + asked.statusCode() + " " + asked.body());
                                }
                                call(
                                        http,
                                        "POST",
                                        base + "/api/v1/chats/" + chatId + "/accept",
                                        agent.token(),
                                        "{}",
                                        200);
                                all.add(new ChatRef(chatId, token, index));
                            }
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    },
                    pool));
        }
        CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).join();
        pool.shutdown();
        List<ChatRef> sorted = new ArrayList<>(all);
        sorted.sort(java.util.Comparator.comparingLong(ChatRef::id));
        return sorted;
    }

    private static String call(HttpClient http, String method, String url, String token, String json, int expected)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(
                    method + " " + url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    /** One client for every session: a shared pool for connecting and one scheduler for heart-beats. */
    private static WebSocketStompClient stompClient() {
        StandardWebSocketClient socket = new StandardWebSocketClient();
        ThreadPoolTaskExecutor connecting = new ThreadPoolTaskExecutor();
        connecting.setCorePoolSize(16);
        connecting.setThreadNamePrefix("bench-connect-");
        connecting.initialize();
        socket.setTaskExecutor(connecting);
        WebSocketStompClient client = new WebSocketStompClient(socket);
        client.setMessageConverter(new JacksonJsonMessageConverter());
        ThreadPoolTaskScheduler heartbeats = new ThreadPoolTaskScheduler();
        heartbeats.setPoolSize(1);
        heartbeats.setThreadNamePrefix("bench-heartbeat-");
        heartbeats.setDaemon(true);
        heartbeats.initialize();
        client.setTaskScheduler(heartbeats);
        client.setInboundMessageSizeLimit(64 * 1024);
        return client;
    }

    private StompSession connectAgent(
            WebSocketStompClient stomp, Server server, Agent agent, int index, List<ChatRef> chats) throws Exception {
        Browser browser = new Browser(server.port());
        HttpResponse<String> signedIn = browser.signIn(agent.email(), agent.password());
        if (signedIn.statusCode() != 302) {
            throw new IllegalStateException("Sign-in of " + agent.email() + ": " + signedIn.statusCode());
        }
        WebSocketHttpHeaders handshake = new WebSocketHttpHeaders();
        handshake.add("Cookie", "JSESSIONID=" + browser.cookie("JSESSIONID").orElseThrow());
        StompSession session = stomp.connectAsync(
                        "ws://localhost:" + server.port() + "/ws/chat", handshake, new StompHeaders(), failures())
                .get(30, TimeUnit.SECONDS);
        for (ChatRef chat : chats) {
            if (chat.agent() == index) {
                session.subscribe("/topic/chat." + chat.id(), agentHears());
            }
        }
        return session;
    }

    /** Visitors connect 50 at a time, each subscribing to their chat. */
    private List<StompSession> connectVisitors(WebSocketStompClient stomp, int port, List<Writer> writers)
            throws Exception {
        List<StompSession> sessions = new ArrayList<>();
        for (int from = 0; from < writers.size(); from += 50) {
            List<CompletableFuture<StompSession>> batch = new ArrayList<>();
            for (Writer writer : writers.subList(from, Math.min(writers.size(), from + 50))) {
                StompHeaders connect = new StompHeaders();
                connect.add("chat-id", Long.toString(writer.chat.id()));
                connect.add("chat-token", writer.chat.token());
                batch.add(stomp.connectAsync(
                                "ws://localhost:" + port + "/ws/chat", new WebSocketHttpHeaders(), connect, failures())
                        .thenApply(session -> {
                            session.subscribe("/topic/chat." + writer.chat.id(), visitorHears(writer));
                            writer.session = session;
                            return session;
                        }));
            }
            for (CompletableFuture<StompSession> session : batch) {
                sessions.add(session.get(30, TimeUnit.SECONDS));
            }
        }
        return sessions;
    }

    /** An agent's subscription: a visitor's line arriving is the end of its timing. */
    private StompSessionHandlerAdapter agentHears() {
        return new StompSessionHandlerAdapter() {
            @Override
            public Type getPayloadType(StompHeaders headers) {
                return JsonNode.class;
            }

            @Override
            public void handleFrame(StompHeaders headers, Object payload) {
                long now = System.nanoTime();
                JsonNode signal = (JsonNode) payload;
                if (!"line".equals(signal.path("type").asString())) {
                    return;
                }
                JsonNode line = signal.path("line");
                if (!"visitor".equals(line.path("author").asString())) {
                    return;
                }
                Long at = sentAt.remove(line.path("clientId").asString());
                if (at == null) {
                    return; // the hand-over line, or told again
                }
                delivered.incrementAndGet();
                if (line.path("clientId").asString().startsWith("m")) {
                    latencies.add(now - at);
                }
            }
        };
    }

    /** A visitor's own subscription: their line coming back is the acknowledgement; a refusal is counted. */
    private StompSessionHandlerAdapter visitorHears(Writer writer) {
        return new StompSessionHandlerAdapter() {
            @Override
            public Type getPayloadType(StompHeaders headers) {
                return JsonNode.class;
            }

            @Override
            public void handleFrame(StompHeaders headers, Object payload) {
                JsonNode signal = (JsonNode) payload;
                String type = signal.path("type").asString();
                String pending = writer.pending;
                if ("line".equals(type)) {
                    if (signal.path("line").path("clientId").asString().equals(pending)) {
                        writer.pending = null;
                        acknowledged.incrementAndGet();
                    }
                } else if ("rejected".equals(type)) {
                    if (signal.path("clientId").asString().equals(pending)) {
                        writer.pending = null;
                    }
                    sentAt.remove(signal.path("clientId").asString());
                    rejected.incrementAndGet();
                    sample("rejected: " + signal.path("reason").asString());
                }
            }
        };
    }

    private StompSessionHandlerAdapter failures() {
        return new StompSessionHandlerAdapter() {
            @Override
            public void handleException(
                    StompSession session, StompCommand command, StompHeaders headers, byte[] payload, Throwable e) {
                transportErrors.incrementAndGet();
                sample("exception: " + e);
            }

            @Override
            public void handleTransportError(StompSession session, Throwable e) {
                transportErrors.incrementAndGet();
                sample("transport: " + e);
            }

            @Override
            public void handleFrame(StompHeaders headers, Object payload) {
                transportErrors.incrementAndGet();
                sample("ERROR frame: " + headers.get("message"));
            }
        };
    }

    private void sample(String error) {
        if (errorSamples.size() < 20) {
            errorSamples.add(error);
        }
    }

    private static long clientCpuNanos() {
        return ProcessHandle.current()
                .info()
                .totalCpuDuration()
                .map(Duration::toNanos)
                .orElse(0L);
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / 1024.0 / 1024.0);
    }

    /**
     * Sportello in a JVM of its own, on the test classpath, on a free port: the default H2 file
     * database under a fresh data directory, or PostgreSQL in the benchmark's schema.
     */
    record Server(Process process, int port, Path dataDir) implements AutoCloseable {

        private static final Pattern USED = Pattern.compile("used (\\d+)([KMG])");

        static Server start(boolean postgres, String heap) throws Exception {
            int port;
            try (ServerSocket free = new ServerSocket(0)) {
                port = free.getLocalPort();
            }
            Path dataDir = Files.createTempDirectory("sportello-bench-chat-");
            List<String> command = new ArrayList<>(List.of(
                    javaHome().resolve("bin/java").toString(), "-Xmx" + heap, "--add-modules", "jdk.incubator.vector"));
            // Diagnostics for the server's JVM, e.g.
            // -Dbench.server-jvm-args=-XX:StartFlightRecording=filename=/tmp/chat.jfr
            for (String arg : System.getProperty("bench.server-jvm-args", "").split("\\s+")) {
                if (!arg.isBlank()) {
                    command.add(arg.strip());
                }
            }
            command.addAll(List.of(
                    "-cp",
                    System.getProperty("java.class.path"),
                    "it.sportello.SportelloApplication",
                    "--server.port=" + port,
                    "--sportello.data-dir=" + dataDir,
                    "--sportello.api-token=" + Bench.TOKEN,
                    "--sportello.admin.email=admin@sportello.bench",
                    "--sportello.admin.password=admin-password-for-benchmarks",
                    "--sportello.bot.enabled=false",
                    // One address opens every chat and socket here.
                    "--sportello.limits.anonymous-burst=1000000",
                    "--sportello.limits.anonymous-per-second=1000000",
                    "--sportello.chat.starts-per-address=1000000",
                    "--spring.main.banner-mode=off",
                    "--logging.level.root=WARN",
                    "--logging.level.it.sportello=WARN"));
            if (postgres) {
                command.addAll(List.of(
                        "--spring.datasource.url=" + Bench.url(SCHEMA),
                        "--spring.datasource.username=" + Bench.POSTGRES_USER,
                        "--spring.datasource.password=" + Bench.POSTGRES_PASSWORD,
                        "--spring.flyway.default-schema=" + SCHEMA,
                        "--spring.flyway.schemas=" + SCHEMA));
            }
            String more = System.getProperty("bench.app-args", "");
            for (String arg : more.split(",")) {
                if (!arg.isBlank()) {
                    command.add(arg.strip());
                }
            }
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(dataDir.resolve("server.log").toFile())
                    .start();
            Server server = new Server(process, port, dataDir);
            server.awaitUp();
            return server;
        }

        private static Path javaHome() {
            return Path.of(System.getProperty("java.home"));
        }

        String base() {
            return "http://localhost:" + port;
        }

        private void awaitUp() throws Exception {
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            try (HttpClient http = HttpClient.newHttpClient()) {
                while (System.nanoTime() < deadline) {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("The server stopped; see " + dataDir.resolve("server.log"));
                    }
                    try {
                        HttpResponse<String> login = http.send(
                                HttpRequest.newBuilder(URI.create(base() + "/login"))
                                        .GET()
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (login.statusCode() == 200) {
                            return;
                        }
                    } catch (IOException notYet) {
                        // still starting
                    }
                    Thread.sleep(500);
                }
            }
            throw new IllegalStateException("The server did not start; see " + dataDir.resolve("server.log"));
        }

        /** The server's heap after a full collection (jcmd GC.run, then GC.heap_info). */
        long heapAfterGc() throws Exception {
            jcmd("GC.run");
            Matcher used = USED.matcher(jcmd("GC.heap_info"));
            if (!used.find()) {
                throw new IllegalStateException("No heap figure from jcmd");
            }
            int shift = switch (used.group(2)) {
                case "K" -> 10;
                case "M" -> 20;
                default -> 30;
            };
            return Long.parseLong(used.group(1)) << shift;
        }

        /** CPU time the server's process has used so far (user and system). */
        long cpuNanos() {
            return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
        }

        private String jcmd(String what) throws Exception {
            Process jcmd = new ProcessBuilder(
                            javaHome().resolve("bin/jcmd").toString(), Long.toString(process.pid()), what)
                    .redirectErrorStream(true)
                    .start();
            String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            jcmd.waitFor(30, TimeUnit.SECONDS);
            return out;
        }

        @Override
        public void close() throws Exception {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
