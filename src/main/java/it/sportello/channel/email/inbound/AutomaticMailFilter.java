package it.sportello.channel.email.inbound;

import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * First of all: notes whether a machine sent the mail (auto-replies, lists, bulk, a null sender,
 * delivery reports; see {@link AutoReplyDetection}), so nothing ever answers it automatically.
 * Decides nothing itself: such mail still becomes a ticket, a note or a bounce report, marked
 * automatic, which is why the filters after it may rely on the mark.
 */
@Component
@Order(AutomaticMailFilter.ORDER)
class AutomaticMailFilter implements InboundFilter {

    static final int ORDER = 100;

    private final AutoReplyDetection detection;

    AutomaticMailFilter(AutoReplyDetection detection) {
        this.detection = detection;
    }

    @Override
    public Optional<InboundDecision> apply(InboundMail mail) {
        detection.automatic(mail.email()).ifPresent(mail::markAutomatic);
        return Optional.empty();
    }
}
