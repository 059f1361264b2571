package it.sportello.channel.chat;

import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.springframework.messaging.converter.JacksonJsonMessageConverter;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;
import tools.jackson.databind.JsonNode;

/**
 * Real STOMP connections to the chat's WebSocket, as the widget and the workspace make them: a
 * visitor with their chat's id and token, or an agent with a signed-in session's cookie. What
 * arrives on a subscription is kept in order for the test to wait on.
 */
public final class ChatSockets {

    private static final WebSocketStompClient CLIENT = client();

    private ChatSockets() {}

    private static WebSocketStompClient client() {
        WebSocketStompClient client = new WebSocketStompClient(new StandardWebSocketClient());
        client.setMessageConverter(new JacksonJsonMessageConverter());
        // Tracks receipts (subscribeConfirmed) and keeps connections alive with heart-beats.
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setThreadNamePrefix("chat-sockets-");
        scheduler.setDaemon(true);
        scheduler.initialize();
        client.setTaskScheduler(scheduler);
        return client;
    }

    /** A connection and what its subscriptions received. */
    public record Connection(StompSession session, BlockingQueue<JsonNode> received) implements AutoCloseable {

        public void subscribe(String destination) {
            session.subscribe(destination, keeper());
        }

        /**
         * Subscribes and waits for the broker's receipt, after which nothing sent to the destination
         * is missed. Only a relayed broker (RabbitMQ) sends receipts; the in-process one does not.
         */
        public void subscribeConfirmed(String destination, Duration wait) throws Exception {
            StompHeaders headers = new StompHeaders();
            headers.setDestination(destination);
            headers.setReceipt(UUID.randomUUID().toString());
            CompletableFuture<Void> confirmed = new CompletableFuture<>();
            StompSession.Subscription subscription = session.subscribe(headers, keeper());
            subscription.addReceiptTask(() -> confirmed.complete(null));
            try {
                confirmed.get(wait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                throw new AssertionError("No receipt for the subscription to " + destination + " within " + wait);
            }
        }

        private StompSessionHandlerAdapter keeper() {
            return new StompSessionHandlerAdapter() {
                @Override
                public Type getPayloadType(StompHeaders headers) {
                    return JsonNode.class;
                }

                @Override
                public void handleFrame(StompHeaders headers, Object payload) {
                    received.add((JsonNode) payload);
                }
            };
        }

        public void send(String destination, Object payload) {
            session.send(destination, payload);
        }

        /** The first signal received from now on that matches, skipping others; fails after {@code wait}. */
        public JsonNode await(Predicate<JsonNode> wanted, Duration wait) throws InterruptedException {
            long deadline = System.nanoTime() + wait.toNanos();
            List<JsonNode> skipped = new ArrayList<>();
            while (System.nanoTime() < deadline) {
                JsonNode next = received.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (next == null) {
                    break;
                }
                if (wanted.test(next)) {
                    return next;
                }
                skipped.add(next);
            }
            throw new AssertionError("No matching signal within " + wait + "; received " + skipped);
        }

        @Override
        public void close() {
            if (session.isConnected()) {
                session.disconnect();
            }
        }
    }

    public static Connection visitor(int port, long chatId, String token) throws Exception {
        StompHeaders connect = new StompHeaders();
        connect.add("chat-id", Long.toString(chatId));
        connect.add("chat-token", token);
        return connect(port, new WebSocketHttpHeaders(), connect);
    }

    public static Connection agent(int port, String sessionCookie) throws Exception {
        WebSocketHttpHeaders handshake = new WebSocketHttpHeaders();
        handshake.add("Cookie", "JSESSIONID=" + sessionCookie);
        return connect(port, handshake, new StompHeaders());
    }

    /** Connects, or fails with the broker's reason when it refuses the connection (an ERROR frame). */
    public static Connection connect(int port, WebSocketHttpHeaders handshake, StompHeaders connect) throws Exception {
        CompletableFuture<StompSession> refused = new CompletableFuture<>();
        CompletableFuture<StompSession> connected = CLIENT.connectAsync(
                "ws://localhost:" + port + "/ws/chat", handshake, connect, new StompSessionHandlerAdapter() {
                    @Override
                    public void handleFrame(StompHeaders headers, Object payload) {
                        refused.completeExceptionally(new IllegalStateException("Refused: " + headers.get("message")));
                    }

                    @Override
                    public void handleException(
                            StompSession session,
                            StompCommand command,
                            StompHeaders headers,
                            byte[] payload,
                            Throwable exception) {
                        refused.completeExceptionally(new IllegalStateException(
                                "Refused: " + headers.get("message") + " " + new String(payload), exception));
                    }

                    @Override
                    public void handleTransportError(StompSession session, Throwable exception) {
                        refused.completeExceptionally(exception);
                    }
                });
        StompSession session =
                (StompSession) CompletableFuture.anyOf(connected, refused).get(10, TimeUnit.SECONDS);
        return new Connection(session, new LinkedBlockingQueue<>());
    }

    /** A line signal whose line has this author and body. */
    public static Predicate<JsonNode> line(String author, String body) {
        return signal -> signal.path("type").asString().equals("line")
                && signal.path("line").path("author").asString().equals(author)
                && signal.path("line").path("body").asString().equals(body);
    }

    public static Predicate<JsonNode> status(String state) {
        return signal -> signal.path("type").asString().equals("status")
                && signal.path("status").path("state").asString().equals(state);
    }
}
