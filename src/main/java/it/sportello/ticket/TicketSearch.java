package it.sportello.ticket;

import it.sportello.customer.CustomerId;
import it.sportello.identity.GroupId;
import it.sportello.identity.UserId;
import java.time.Instant;
import java.util.Set;

/**
 * Filters for a ticket list; null means "any". {@code unassigned} asks for tickets nobody has;
 * {@code text} matches the subject and the messages (the notes only for staff); {@code solvedSince}
 * keeps tickets solved at or after that instant (a ticket that was reopened has no solved time).
 */
public record TicketSearch(
        Set<TicketStatus> statuses,
        UserId assignee,
        boolean unassigned,
        Channel channel,
        String tag,
        CustomerId customer,
        GroupId group,
        Priority priority,
        Instant updatedSince,
        String text,
        Instant solvedSince) {

    /** The filters without a solved-since bound, as the API's list reads them. */
    public TicketSearch(
            Set<TicketStatus> statuses,
            UserId assignee,
            boolean unassigned,
            Channel channel,
            String tag,
            CustomerId customer,
            GroupId group,
            Priority priority,
            Instant updatedSince,
            String text) {
        this(statuses, assignee, unassigned, channel, tag, customer, group, priority, updatedSince, text, null);
    }

    public static TicketSearch all() {
        return new TicketSearch(null, null, false, null, null, null, null, null, null, null, null);
    }

    public TicketSearch forCustomer(CustomerId customer) {
        return new TicketSearch(
                statuses,
                assignee,
                unassigned,
                channel,
                tag,
                customer,
                group,
                priority,
                updatedSince,
                text,
                solvedSince);
    }
}
