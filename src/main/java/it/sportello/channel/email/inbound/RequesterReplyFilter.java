package it.sportello.channel.email.inbound;

import it.sportello.channel.email.inbound.InboundDecision.AutomaticReplyNote;
import it.sportello.channel.email.inbound.InboundDecision.FollowUp;
import it.sportello.customer.Customer;
import it.sportello.customer.CustomerManagement;
import it.sportello.ticket.TicketId;
import java.util.List;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A reply from a ticket's requester, found by a Message-ID the desk signed or the subject tag
 * {@code [#N]} (see {@link Threading}), joins that ticket: as their message, or as an internal
 * note when a machine answered for them (an out-of-office is no turn in the conversation). Any
 * other sender's "reply", however well it copies ours, is left to open a ticket of its own.
 */
@Component
@Order(RequesterReplyFilter.ORDER)
class RequesterReplyFilter implements InboundFilter {

    static final int ORDER = 400;

    private final CustomerManagement customers;
    private final Threading threading;

    RequesterReplyFilter(CustomerManagement customers, Threading threading) {
        this.customers = customers;
        this.threading = threading;
    }

    @Override
    public Optional<InboundDecision> apply(InboundMail mail) {
        List<TicketId> named = threading.ticketsNamedBy(mail.email());
        if (named.isEmpty()) {
            return Optional.empty(); // a new conversation whoever sent it: spares looking the sender up
        }
        Optional<Customer> sender = customers.findByEmail(mail.sender());
        Optional<TicketId> thread = sender.flatMap(c -> threading.continued(named, c.id()));
        if (thread.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(
                mail.automatic()
                        ? new AutomaticReplyNote(thread.get(), sender.get())
                        : new FollowUp(thread.get(), sender.get()));
    }
}
