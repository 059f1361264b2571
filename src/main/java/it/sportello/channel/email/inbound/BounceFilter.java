package it.sportello.channel.email.inbound;

import it.sportello.channel.email.inbound.InboundDecision.BounceNote;
import it.sportello.channel.email.inbound.InboundDecision.Ignore;
import it.sportello.customer.Customer;
import it.sportello.customer.CustomerManagement;
import it.sportello.ticket.Ticket;
import it.sportello.ticket.TicketId;
import it.sportello.ticket.TicketManagement;
import java.util.List;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A delivery report (RFC 3464) is never a conversation: about a message the desk signed, it
 * becomes a note on that message's ticket, with the requester's permanently failed addresses to
 * remember; about anything else (a message we did not send, or no Message-ID at all) it is ignored.
 */
@Component
@Order(BounceFilter.ORDER)
class BounceFilter implements InboundFilter {

    static final int ORDER = 300;

    private final Threading threading;
    private final TicketManagement tickets;
    private final CustomerManagement customers;

    BounceFilter(Threading threading, TicketManagement tickets, CustomerManagement customers) {
        this.threading = threading;
        this.tickets = tickets;
        this.customers = customers;
    }

    @Override
    public Optional<InboundDecision> apply(InboundMail mail) {
        return mail.email().bounce().map(this::decide);
    }

    private InboundDecision decide(BounceReport report) {
        Optional<Ticket> original = Optional.ofNullable(report.originalMessageId())
                .flatMap(threading::ticketOfOurs)
                .flatMap(tickets::find);
        if (original.isEmpty()) {
            return new Ignore("delivery report about a message the desk did not send"
                    + (report.originalMessageId() == null
                            ? " (no Message-ID in it)"
                            : ": " + report.originalMessageId()));
        }
        TicketId ticket = original.get().id();
        Customer requester = customers.get(original.get().requester());
        // Only an address of the ticket's requester, which is where the bounced message went: a
        // forged report naming someone else's address must not cut them off.
        List<BounceReport.Recipient> failing = report.recipients().stream()
                .filter(BounceReport.Recipient::failedPermanently)
                .filter(r -> customers
                        .findByEmail(r.address())
                        .map(c -> c.id().equals(requester.id()))
                        .orElse(false))
                .toList();
        return new BounceNote(ticket, requester, report, failing);
    }
}
