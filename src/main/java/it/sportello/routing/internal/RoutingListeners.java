package it.sportello.routing.internal;

import it.sportello.routing.AgentProfileChanged;
import it.sportello.routing.GroupRoutingChanged;
import it.sportello.routing.RoutingProperties;
import it.sportello.routing.TicketRouter;
import it.sportello.ticket.Ticket;
import it.sportello.ticket.TicketAssigned;
import it.sportello.ticket.TicketCreated;
import it.sportello.ticket.TicketManagement;
import it.sportello.ticket.TicketStatusChanged;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Routes when work enters a queue or an agent gains room. Events arrive at least once, after the
 * change committed; the router acts on the ticket and agent as they are now, so a repeated event
 * finds nothing left to do. The router's own assignments come back as events with an assignee and
 * no previous one, which route nothing: no loop.
 */
@Component
class RoutingListeners {

    private final TicketRouter router;
    private final TicketManagement tickets;
    private final RoutingProperties properties;

    RoutingListeners(TicketRouter router, TicketManagement tickets, RoutingProperties properties) {
        this.router = router;
        this.tickets = tickets;
        this.properties = properties;
    }

    /** A ticket opened in nobody's queue waits for a person to place it: nothing to route. */
    @ApplicationModuleListener(condition = "#event.groupId() != null")
    void on(TicketCreated event) {
        router.route(event.ticketId());
    }

    /** Back in a queue (assigned to a group without a person, or unassigned): route; the one who had it has room. */
    @ApplicationModuleListener
    void on(TicketAssigned event) {
        if (event.assigneeId() == null && event.groupId() != null) {
            router.route(event.ticketId());
        }
        if (event.previousAssigneeId() != null && !event.previousAssigneeId().equals(event.assigneeId())) {
            router.handOver(event.previousAssigneeId());
        }
    }

    /** Reopened (or the customer answered) into a waiting status: route; solved or set aside: its agent has room. */
    @ApplicationModuleListener
    void on(TicketStatusChanged event) {
        boolean wasLoad = properties.loadStatuses().contains(event.from());
        boolean isLoad = properties.loadStatuses().contains(event.to());
        if (isLoad && !wasLoad) {
            router.route(event.ticketId());
        } else if (wasLoad && !isLoad) {
            tickets.find(event.ticketId()).flatMap(Ticket::assignee).ifPresent(router::handOver);
        }
    }

    @ApplicationModuleListener
    void on(AgentProfileChanged event) {
        router.handOver(event.agent());
    }

    @ApplicationModuleListener
    void on(GroupRoutingChanged event) {
        router.drain(event.group());
    }
}
