package it.sportello.channel.email.inbound;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.stereotype.Component;

/**
 * The inbound-mail filters in their {@code @Order}: the first that decides wins, and a message
 * none of them claims opens a ticket of its own. Adding a rule is adding an {@link InboundFilter}
 * bean with an order between its neighbours'.
 */
@Component
public class InboundPipeline {

    private final List<InboundFilter> filters;

    InboundPipeline(List<InboundFilter> filters) {
        List<InboundFilter> ordered = new ArrayList<>(filters);
        // Spring sorts injected lists already; sorting here keeps the order a property of this class.
        AnnotationAwareOrderComparator.sort(ordered);
        this.filters = List.copyOf(ordered);
    }

    /** What becomes of the mail; never empty. */
    public InboundDecision decide(InboundMail mail) {
        for (InboundFilter filter : filters) {
            Optional<InboundDecision> decision = filter.apply(mail);
            if (decision.isPresent()) {
                return decision.get();
            }
        }
        return new InboundDecision.OpenTicket();
    }

    /** The filters in the order they run. */
    List<InboundFilter> filters() {
        return filters;
    }
}
