package it.sportello.ticket.web;

import it.sportello.ticket.Channel;
import it.sportello.ticket.Priority;
import it.sportello.ticket.Ticket;
import it.sportello.ticket.TicketStatus;
import java.time.Instant;
import java.util.Set;

/**
 * One line of the inbox list. {@code awaitingReply} marks a ticket whose customer wrote last and
 * has not had an answer yet: the activity an agent has not dealt with.
 */
record InboxRow(
        long id,
        String subject,
        String requester,
        TicketStatus status,
        Priority priority,
        Channel channel,
        String assignee,
        String group,
        Set<String> tags,
        Instant updatedAt,
        boolean awaitingReply) {

    static InboxRow of(Ticket ticket, TicketView names, String group) {
        return new InboxRow(
                ticket.id().value(),
                ticket.subject(),
                nameOf(names.requester()),
                ticket.status(),
                ticket.priority(),
                ticket.channel(),
                names.assignee() == null ? null : nameOf(names.assignee()),
                group,
                ticket.tags(),
                ticket.updatedAt(),
                awaitingReply(ticket));
    }

    public String href() {
        return "/tickets/" + id;
    }

    private static boolean awaitingReply(Ticket ticket) {
        if (!ticket.status().isUnsolved()) {
            return false;
        }
        Instant customer = ticket.lastCustomerMessageAt().orElse(null);
        Instant agent = ticket.lastAgentReplyAt().orElse(null);
        return customer != null && (agent == null || customer.isAfter(agent));
    }

    /** A customer without a name shows their address; one without either (a phone caller) their number. */
    private static String nameOf(TicketView.PartyView party) {
        if (party.name() != null && !party.name().isBlank()) {
            return party.name();
        }
        return party.email() != null ? party.email() : "#" + party.id();
    }
}
