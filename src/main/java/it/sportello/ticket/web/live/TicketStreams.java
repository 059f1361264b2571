package it.sportello.ticket.web.live;

import it.sportello.identity.CurrentUser;
import it.sportello.ticket.TicketId;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open ticket pages of this node, each a Server-Sent Events stream, and what they are told:
 * {@code ticket} when the ticket changed (the page then fetches its timeline again, rendered by the
 * server) and {@code presence} with the other people on the ticket. Everything is sent from one
 * thread, in order, so a slow browser never holds up the request that changed a ticket.
 *
 * <p>Per node, like {@link TicketPresence}: with several nodes behind a load balancer, a change made
 * through one node reaches only the pages served by it until updates travel through the shared
 * broker planned for live chat.
 */
@Component
class TicketStreams implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TicketStreams.class);

    /** Events that the ticket's timeline records asynchronously after the commit (see TicketTimeline). */
    private static final Set<String> ACTIVITY = Set.of("status", "assigned", "merged");

    private final ConcurrentMap<Long, Set<Subscriber>> subscribers = new ConcurrentHashMap<>();
    /** Made on start, ended on stop: the application may be stopped and started again (tests pause contexts). */
    private volatile ScheduledExecutorService sender;

    private final TicketPresence presence;
    private final Duration streamTimeout;
    private final Duration keepAlive;
    private final Duration activityDelay;
    private volatile boolean running;

    TicketStreams(
            @Value("${sportello.workspace.live.stream-timeout:15m}") Duration streamTimeout,
            @Value("${sportello.workspace.live.keep-alive:20s}") Duration keepAlive,
            @Value("${sportello.workspace.presence.ttl:30s}") Duration presenceTtl,
            @Value("${sportello.workspace.live.activity-delay:2s}") Duration activityDelay) {
        this.streamTimeout = streamTimeout;
        this.keepAlive = keepAlive;
        this.activityDelay = activityDelay;
        this.presence = new TicketPresence(presenceTtl, ticketId -> submit(() -> sendPresence(ticketId)));
    }

    private record Subscriber(SseEmitter emitter, long userId, String name) {}

    /** A new stream for a page of this ticket; the viewer counts as present while it is open. */
    SseEmitter subscribe(TicketId ticket, CurrentUser viewer) {
        long ticketId = ticket.value();
        SseEmitter emitter = new SseEmitter(streamTimeout.toMillis());
        Subscriber subscriber = new Subscriber(emitter, viewer.id().value(), viewer.displayName());
        subscribers
                .computeIfAbsent(ticketId, id -> ConcurrentHashMap.newKeySet())
                .add(subscriber);
        // A timed-out stream ends normally; the browser's EventSource then reconnects by itself.
        emitter.onTimeout(emitter::complete);
        emitter.onCompletion(() -> unsubscribe(ticketId, subscriber));
        emitter.onError(e -> unsubscribe(ticketId, subscriber));
        presence.arrived(ticketId, subscriber.userId(), subscriber.name());
        submit(() -> {
            // The first event opens the stream at once and tells the browser how soon to reconnect.
            send(
                    ticketId,
                    subscriber,
                    SseEmitter.event().name("hello").data("ok").reconnectTime(3_000));
            sendPresence(ticketId);
        });
        return emitter;
    }

    /** A heartbeat of a ticket page: still here, and typing a reply or not. */
    void heartbeat(TicketId ticket, CurrentUser viewer, boolean replying) {
        if (presence.seen(ticket.value(), viewer.id().value(), viewer.displayName(), replying)) {
            submit(() -> sendPresence(ticket.value()));
        }
    }

    /**
     * Tells the ticket's pages that it changed ({@code kind}: message, status, assigned, merged,
     * properties). Call it once the change is committed.
     */
    public void changed(TicketId ticket, String kind) {
        long ticketId = ticket.value();
        submit(() -> sendChange(ticketId, kind));
        if (ACTIVITY.contains(kind)) {
            // The activity line is written by an asynchronous listener after the commit; tell again
            // a little later so the page shows it too (pages re-fetch; telling twice costs one fetch).
            schedule(() -> sendChange(ticketId, kind), activityDelay);
        }
    }

    private void sendChange(long ticketId, String kind) {
        for (Subscriber subscriber : subscribers.getOrDefault(ticketId, Set.of())) {
            send(ticketId, subscriber, SseEmitter.event().name("ticket").data(kind));
        }
    }

    private void sendPresence(long ticketId) {
        for (Subscriber subscriber : subscribers.getOrDefault(ticketId, Set.of())) {
            List<Present> others = presence.othersOn(ticketId, subscriber.userId()).stream()
                    .map(v -> new Present(v.name(), v.replying()))
                    .toList();
            send(ticketId, subscriber, SseEmitter.event().name("presence").data(others, MediaType.APPLICATION_JSON));
        }
    }

    /** What a page is told about another person on the ticket. */
    record Present(String name, boolean replying) {}

    private void keepAlive() {
        subscribers.forEach((ticketId, set) ->
                set.forEach(s -> send(ticketId, s, SseEmitter.event().comment("ka"))));
    }

    private void send(long ticketId, Subscriber subscriber, SseEmitter.SseEventBuilder event) {
        try {
            subscriber.emitter().send(event);
        } catch (IOException | IllegalStateException e) {
            // The browser went away (or the stream already ended): forget it; it reconnects if still open.
            unsubscribe(ticketId, subscriber);
            try {
                subscriber.emitter().complete();
            } catch (RuntimeException ignored) {
                // already completed
            }
        }
    }

    private void unsubscribe(long ticketId, Subscriber subscriber) {
        Set<Subscriber> set = subscribers.get(ticketId);
        if (set == null || !set.remove(subscriber)) {
            return;
        }
        subscribers.computeIfPresent(ticketId, (id, current) -> current.isEmpty() ? null : current);
        boolean stillHere =
                subscribers.getOrDefault(ticketId, Set.of()).stream().anyMatch(s -> s.userId() == subscriber.userId());
        if (!stillHere && presence.left(ticketId, subscriber.userId())) {
            submit(() -> sendPresence(ticketId));
        }
    }

    private void submit(Runnable task) {
        if (!running) {
            return;
        }
        try {
            sender.execute(guarded(task));
        } catch (RejectedExecutionException stopping) {
            // shutting down: pages are being closed anyway
        }
    }

    private void schedule(Runnable task, Duration delay) {
        if (!running) {
            return;
        }
        try {
            sender.schedule(guarded(task), delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            // shutting down
        }
    }

    private static Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.warn("Could not update live ticket pages", e);
            }
        };
    }

    @Override
    public void start() {
        sender = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ticket-live");
            thread.setDaemon(true);
            return thread;
        });
        running = true;
        sender.scheduleAtFixedRate(
                guarded(this::keepAlive), keepAlive.toMillis(), keepAlive.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Ends every stream before the web server's graceful shutdown begins (this phase stops first),
     * so open pages do not hold the shutdown up; their browsers reconnect to another node.
     */
    @Override
    public void stop() {
        running = false;
        sender.shutdownNow();
        subscribers
                .values()
                .forEach(set -> set.forEach(s -> {
                    try {
                        s.emitter().complete();
                    } catch (RuntimeException ignored) {
                        // already completed
                    }
                }));
        subscribers.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
