package it.sportello.ticket.web.live;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.Scheduler;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Who has a ticket open, and who is typing a reply to it, as their pages last said (a heartbeat
 * every few seconds); an entry not renewed within {@code ttl} expires, and the ticket's other
 * viewers hear of it.
 *
 * <p>This is memory of one node: agents whose pages are served by different nodes do not see each
 * other. A deployment with several nodes needs the shared broker planned for live chat (RabbitMQ)
 * to carry presence and ticket updates between nodes.
 */
final class TicketPresence {

    /** One person on one ticket. */
    record Viewer(long userId, String name, boolean replying) {}

    private record Key(long ticketId, long userId) {}

    private final Cache<Key, Viewer> entries;

    /** {@code expired} is told the ticket whose viewer list shrank because a heartbeat stopped. */
    TicketPresence(Duration ttl, LongConsumer expired) {
        this.entries = Caffeine.newBuilder()
                .expireAfterWrite(ttl)
                .maximumSize(100_000)
                // Expire on time even when nobody touches the cache, so departures are announced.
                .scheduler(Scheduler.systemScheduler())
                .<Key, Viewer>removalListener((key, viewer, cause) -> {
                    if (key != null && (cause == RemovalCause.EXPIRED || cause == RemovalCause.SIZE)) {
                        expired.accept(key.ticketId());
                    }
                })
                .build();
    }

    /** Records a heartbeat; true when the others should hear of it (someone new, or typing began or ended). */
    boolean seen(long ticketId, long userId, String name, boolean replying) {
        Viewer before = entries.asMap().put(new Key(ticketId, userId), new Viewer(userId, name, replying));
        return before == null || before.replying() != replying;
    }

    /** A page opened its live stream: the person is viewing, typing or not as they last said. */
    boolean arrived(long ticketId, long userId, String name) {
        Viewer[] before = new Viewer[1];
        entries.asMap().compute(new Key(ticketId, userId), (key, current) -> {
            before[0] = current;
            return new Viewer(userId, name, current != null && current.replying());
        });
        return before[0] == null;
    }

    /** The person closed their last page of the ticket; true when they had been seen. */
    boolean left(long ticketId, long userId) {
        return entries.asMap().remove(new Key(ticketId, userId)) != null;
    }

    /** Everyone on the ticket except {@code userId}, by name. */
    List<Viewer> othersOn(long ticketId, long userId) {
        return entries.asMap().entrySet().stream()
                .filter(e -> e.getKey().ticketId() == ticketId && e.getKey().userId() != userId)
                .map(java.util.Map.Entry::getValue)
                .sorted(Comparator.comparing(Viewer::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }
}
