package it.sportello.ticket.web;

import it.sportello.customer.Customer;
import it.sportello.customer.CustomerId;
import it.sportello.customer.CustomerManagement;
import it.sportello.identity.CurrentUser;
import it.sportello.identity.User;
import it.sportello.identity.UserId;
import it.sportello.identity.UserManagement;
import it.sportello.ticket.Attachment;
import it.sportello.ticket.Message;
import it.sportello.ticket.Ticket;
import it.sportello.ticket.TicketClocks;
import it.sportello.ticket.TicketId;
import it.sportello.ticket.TicketManagement.TicketDetails;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Builds the API's ticket views, fetching the names of everyone involved in one query per kind. */
@Component
class TicketViews {

    private final CustomerManagement customers;
    private final UserManagement users;
    private final ObjectProvider<TicketClocks> clocks;

    TicketViews(CustomerManagement customers, UserManagement users, ObjectProvider<TicketClocks> clocks) {
        this.customers = customers;
        this.users = users;
        this.clocks = clocks;
    }

    List<TicketView> summaries(List<Ticket> tickets) {
        Names names = names(tickets, List.of(), Map.of());
        return tickets.stream().map(t -> TicketView.of(t, names, null, null)).toList();
    }

    /** As {@link #summaries(List)}, with each ticket's service-level clocks when the viewer is staff. */
    List<TicketView> summaries(List<Ticket> tickets, CurrentUser viewer) {
        Names names = names(tickets, List.of(), Map.of());
        Map<TicketId, TicketClocks.Summary> sla = clocksOf(tickets, viewer);
        return tickets.stream()
                .map(t -> TicketView.of(t, names, sla.get(t.id()), null, null))
                .toList();
    }

    TicketView full(TicketDetails details) {
        return full(details, names(List.of(details.ticket()), details.messages(), Map.of()));
    }

    /** As {@link #full(TicketDetails)}, with the ticket's service-level clocks when the viewer is staff. */
    TicketView full(TicketDetails details, CurrentUser viewer) {
        return full(
                details,
                names(List.of(details.ticket()), details.messages(), Map.of()),
                clocksOf(List.of(details.ticket()), viewer).get(details.ticket().id()));
    }

    private Map<TicketId, TicketClocks.Summary> clocksOf(List<Ticket> tickets, CurrentUser viewer) {
        TicketClocks source = clocks.getIfAvailable();
        if (source == null || viewer == null || viewer.isCustomer() || tickets.isEmpty()) {
            return Map.of();
        }
        return source.of(tickets.stream().map(Ticket::id).toList());
    }

    /** A ticket whose requester the caller already holds (a ticket just opened): no need to look them up. */
    TicketView full(TicketDetails details, Customer requester) {
        return full(details, names(List.of(details.ticket()), details.messages(), Map.of(requester.id(), requester)));
    }

    private TicketView full(TicketDetails details, Names names) {
        return full(details, names, null);
    }

    private TicketView full(TicketDetails details, Names names, TicketClocks.Summary sla) {
        List<TicketView.MessageView> messages = details.messages().stream()
                .map(m -> TicketView.MessageView.of(
                        m, names, details.attachments().getOrDefault(m.messageId(), List.of())))
                .toList();
        List<TicketView.ActivityView> activity =
                details.activity().stream().map(TicketView.ActivityView::of).toList();
        return TicketView.of(details.ticket(), names, sla, messages, activity);
    }

    TicketView.MessageView message(Message message, List<Attachment> attachments) {
        return TicketView.MessageView.of(message, names(List.of(), List.of(message), Map.of()), attachments);
    }

    private Names names(List<Ticket> tickets, List<Message> messages, Map<CustomerId, Customer> known) {
        Set<CustomerId> customerIds = new HashSet<>();
        Set<UserId> userIds = new HashSet<>();
        tickets.forEach(t -> {
            customerIds.add(t.requester());
            t.assignee().ifPresent(userIds::add);
        });
        messages.forEach(m -> {
            m.authorCustomer().ifPresent(customerIds::add);
            m.authorUser().ifPresent(userIds::add);
        });
        customerIds.removeAll(known.keySet());
        Map<CustomerId, Customer> people = new java.util.HashMap<>(known);
        people.putAll(customers.findAll(customerIds));
        return new Names(people, users.findAll(userIds));
    }

    /** The people a set of views mentions, looked up once. */
    record Names(Map<CustomerId, Customer> customers, Map<UserId, User> users) {

        TicketView.PartyView customer(CustomerId id) {
            Customer c = customers.get(id);
            return new TicketView.PartyView(
                    id.value(),
                    c == null ? null : c.name(),
                    c == null ? null : c.primaryEmail().orElse(null));
        }

        TicketView.PartyView user(UserId id) {
            User u = users.get(id);
            return new TicketView.PartyView(id.value(), u == null ? null : u.displayName(), null);
        }
    }
}
