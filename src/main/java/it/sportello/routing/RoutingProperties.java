package it.sportello.routing;

import it.sportello.ticket.Channel;
import it.sportello.ticket.TicketStatus;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Routing's settings ({@code sportello.routing.*}).
 *
 * @param defaultCapacity how many open tickets an agent holds before routing passes them by, until
 *     someone sets their own
 * @param channels the channels whose tickets routing hands out; live chats are left to the chat desk,
 *     which offers them to agents present in the chat workspace
 * @param loadStatuses the statuses of a ticket that count against its assignee's capacity and in which
 *     an unassigned ticket waits in its group's queue (the desk owes an answer)
 */
@ConfigurationProperties("sportello.routing")
public record RoutingProperties(
        @DefaultValue("20") int defaultCapacity,

        @DefaultValue({"email", "web", "phone", "social", "review", "in_person"})
        Set<Channel> channels,

        @DefaultValue({"new", "open"}) Set<TicketStatus> loadStatuses) {

    public RoutingProperties {
        if (defaultCapacity < 1 || defaultCapacity > AgentProfile.MAX_CAPACITY) {
            throw new IllegalArgumentException(
                    "sportello.routing.default-capacity must be from 1 to " + AgentProfile.MAX_CAPACITY);
        }
        channels = channels.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(channels));
        loadStatuses = Set.copyOf(loadStatuses);
        if (loadStatuses.isEmpty() || loadStatuses.stream().anyMatch(s -> !s.isUnsolved())) {
            throw new IllegalArgumentException("sportello.routing.load-statuses must be unsolved statuses");
        }
    }

    /** Whether tickets of this channel are routed here (and agents say they are available on it). */
    public boolean routes(Channel channel) {
        return channels.contains(channel);
    }
}
