package it.sportello.routing;

import it.sportello.identity.AgentGroup;
import it.sportello.identity.CurrentUser;
import it.sportello.identity.GroupId;
import it.sportello.identity.Role;
import it.sportello.identity.UserManagement;
import it.sportello.shared.NotFoundException;
import it.sportello.ticket.Ticket;
import it.sportello.ticket.TicketManagement;
import it.sportello.ticket.TicketOrder;
import it.sportello.ticket.TicketSearch;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Page;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * The queues people look at: per group, the tickets waiting for someone, most urgent first (the
 * clock that falls due first; tickets without one last, then the oldest), and how many there are.
 */
@Service
public class Queues {

    public static final int MAX_SHOWN = 100;

    private final TicketManagement tickets;
    private final UserManagement users;
    private final RoutingSetup setup;
    private final RoutingProperties properties;

    Queues(TicketManagement tickets, UserManagement users, RoutingSetup setup, RoutingProperties properties) {
        this.tickets = tickets;
        this.users = users;
        this.setup = setup;
        this.properties = properties;
    }

    /** A group's queue: its routing, how many tickets wait, and the first of them. */
    public record GroupQueue(AgentGroup group, RoutingStrategy strategy, long waiting, List<Ticket> tickets) {}

    /**
     * The queues of the viewer's groups; with {@code everyGroup}, of every group (supervisors and
     * admins only). Each shows at most {@code limit} tickets.
     */
    public List<GroupQueue> of(CurrentUser viewer, boolean everyGroup, int limit) {
        if (everyGroup && !viewer.hasAtLeast(Role.SUPERVISOR)) {
            throw new AccessDeniedException("Only supervisors see every group's queue");
        }
        Map<GroupId, GroupRouting> routings = setup.groupRoutings();
        return users.groups().stream()
                .filter(g -> everyGroup || g.members().contains(viewer.id()))
                .map(g -> queue(g, routings.getOrDefault(g.id(), GroupRouting.manual(g.id())), viewer, limit))
                .sorted(Comparator.comparing((GroupQueue q) -> -q.waiting())
                        .thenComparing(q -> q.group().name()))
                .toList();
    }

    /** One group's queue; agents see only their own groups' queues. */
    public GroupQueue of(GroupId group, CurrentUser viewer, int limit) {
        AgentGroup found = users.getGroup(group);
        if (!viewer.hasAtLeast(Role.SUPERVISOR) && !found.members().contains(viewer.id())) {
            throw new NotFoundException("Queue", group.value());
        }
        return queue(found, setup.groupRouting(group), viewer, limit);
    }

    private GroupQueue queue(AgentGroup group, GroupRouting routing, CurrentUser viewer, int limit) {
        TicketSearch waiting =
                new TicketSearch(properties.loadStatuses(), null, true, null, null, null, group.id(), null, null, null);
        Page<Ticket> first = tickets.search(waiting, TicketOrder.SLA_DUE, viewer, 0, Math.min(limit, MAX_SHOWN));
        return new GroupQueue(group, routing.strategy(), first.getTotalElements(), first.getContent());
    }
}
