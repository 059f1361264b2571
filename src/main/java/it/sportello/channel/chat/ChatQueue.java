package it.sportello.channel.chat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The queue of chats waiting for a person: a chat's place in it and an honest estimate of the wait.
 * The estimate is what the desk has actually shown lately: while agents have free places the next
 * chat is taken at once; beyond them, each round of chats takes as long as recent chats lasted.
 * Without finished chats to go by there is no estimate, only the place.
 */
@Component
class ChatQueue {

    private static final Duration HISTORY = Duration.ofDays(7);

    private final ChatRepository chats;
    private final ChatAgents agents;
    private final Clock clock;

    ChatQueue(ChatRepository chats, ChatAgents agents, Clock clock) {
        this.chats = chats;
        this.agents = agents;
        this.clock = clock;
    }

    List<Chat> waiting() {
        return chats.findByStateOrderByWaitingSinceAscIdAsc(ChatState.WAITING);
    }

    /** Place (from 1) and minutes to wait for each waiting chat, in queue order. */
    record Place(Chat chat, int position, Integer waitMinutes) {}

    List<Place> places() {
        List<Chat> queue = waiting();
        List<ChatAgents.Available> available = agents.available();
        long free = available.stream()
                .mapToLong(a -> Math.max(
                        0, a.capacity() - chats.countByAgentIdAndState(a.agent().value(), ChatState.ACTIVE)))
                .sum();
        Duration typical = typicalChat();
        ArrayList<Place> places = new ArrayList<>(queue.size());
        for (int i = 0; i < queue.size(); i++) {
            int position = i + 1;
            places.add(new Place(queue.get(i), position, estimate(position, free, available.size(), typical)));
        }
        return places;
    }

    static Integer estimate(int position, long free, int agentsAvailable, Duration typical) {
        if (agentsAvailable == 0) {
            return null;
        }
        if (position <= free) {
            return 1;
        }
        if (typical == null) {
            return null;
        }
        long rounds = (position - free + agentsAvailable - 1) / agentsAvailable;
        long minutes = typical.multipliedBy(rounds).toSeconds() / 60;
        return (int) Math.max(1, minutes);
    }

    /** How long chats with a person lasted lately, on average; null with none to go by. */
    private Duration typicalChat() {
        Instant since = clock.instant().minus(HISTORY);
        List<Duration> lasted = chats
                .findTop50ByStateAndAcceptedAtIsNotNullAndEndedAtAfterOrderByEndedAtDesc(ChatState.ENDED, since)
                .stream()
                .map(c -> Duration.between(c.acceptedAt().get(), c.endedAt().get()))
                .toList();
        if (lasted.isEmpty()) {
            return null;
        }
        return lasted.stream().reduce(Duration.ZERO, Duration::plus).dividedBy(lasted.size());
    }
}
