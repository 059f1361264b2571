package it.sportello.channel.email.inbound;

import it.sportello.channel.email.inbound.InboundDecision.Ignore;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Mail from one of the route's own desk addresses is ignored: it is the desk's own (a copy, a
 * forwarding loop), and taking it in would open tickets for the desk and answer itself.
 */
@Component
@Order(OwnAddressFilter.ORDER)
class OwnAddressFilter implements InboundFilter {

    static final int ORDER = 200;

    @Override
    public Optional<InboundDecision> apply(InboundMail mail) {
        if (mail.route().deskAddresses().stream().anyMatch(mail.sender()::equalsIgnoreCase)) {
            return Optional.of(new Ignore("sent from the desk's own address " + mail.sender()));
        }
        return Optional.empty();
    }
}
