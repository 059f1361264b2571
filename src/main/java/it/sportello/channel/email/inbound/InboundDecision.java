package it.sportello.channel.email.inbound;

import it.sportello.customer.Customer;
import it.sportello.ticket.TicketId;
import java.util.List;

/**
 * What the filters decided becomes of an inbound message; {@code EmailIntake} carries it out in
 * the processing transaction. A new kind of outcome is a new record here and a new case there.
 */
public sealed interface InboundDecision {

    /** Not turned into a message; the intake record keeps the reason. */
    record Ignore(String reason) implements InboundDecision {}

    /**
     * A delivery report about the desk's mail on {@code ticket}: an internal note there (never a
     * customer message, so never a reopen), and the {@code failing} recipients remembered as
     * addresses that no longer take mail. {@code requester} is the ticket's.
     */
    record BounceNote(TicketId ticket, Customer requester, BounceReport report, List<BounceReport.Recipient> failing)
            implements InboundDecision {

        public BounceNote {
            failing = List.copyOf(failing);
        }
    }

    /** A reply from the ticket's requester: their next message on it (a solved ticket opens again). */
    record FollowUp(TicketId ticket, Customer requester) implements InboundDecision {}

    /**
     * A machine's answer (an out-of-office) to the desk's mail on {@code ticket}: worth knowing, not
     * a turn in the conversation, so an internal note that leaves the ticket's status as it is.
     */
    record AutomaticReplyNote(TicketId ticket, Customer requester) implements InboundDecision {}

    /** A new conversation: a ticket of its own. What becomes of a message no filter claimed. */
    record OpenTicket() implements InboundDecision {}
}
