package it.sportello.sla;

import it.sportello.ticket.Channel;
import it.sportello.ticket.Priority;
import it.sportello.ticket.TicketId;
import it.sportello.ticket.TicketManagement;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The first-response time the desk promises for a ticket, taken from the service-level policy that
 * applies to it, for the texts that tell customers ("Le risponderemo entro 8 ore lavorative").
 */
@Service
public class ResponsePromises {

    /** What is promised when the applicable policy sets no first-response target. */
    private static final ResponsePromise FALLBACK = new ResponsePromise(Duration.ofHours(8), true);

    private final TicketManagement tickets;
    private final ServiceLevelSettings settings;
    private final SlaTicketRepository followed;

    ResponsePromises(TicketManagement tickets, ServiceLevelSettings settings, SlaTicketRepository followed) {
        this.tickets = tickets;
        this.settings = settings;
        this.followed = followed;
    }

    /** The promise for this ticket, if it is still there: from the policy its clocks follow, else the one that applies. */
    @Transactional(readOnly = true)
    public Optional<ResponsePromise> firstResponse(TicketId ticket) {
        ServiceLevelSettings.Current current = settings.current();
        return tickets.find(ticket)
                .map(t -> followed.findById(ticket.value())
                        .flatMap(f -> Optional.ofNullable(f.policyId()))
                        .flatMap(current::policy)
                        .map(policy -> promiseOf(policy, current))
                        .orElseGet(() -> firstResponse(t.channel(), t.priority(), current)));
    }

    /**
     * The promise for a ticket on this channel with this priority (no organisation, no tags): the
     * first-response target of the first policy that applies, in business time unless its calendar
     * is open around the clock.
     */
    @Transactional(readOnly = true)
    public ResponsePromise firstResponse(Channel channel, Priority priority) {
        return firstResponse(channel, priority, settings.current());
    }

    private static ResponsePromise firstResponse(
            Channel channel, Priority priority, ServiceLevelSettings.Current current) {
        return promiseOf(current.applicableTo(channel, priority, () -> null, Set.of()), current);
    }

    private static ResponsePromise promiseOf(SlaPolicy policy, ServiceLevelSettings.Current current) {
        Optional<Duration> within = policy.rules().target(SlaTarget.FIRST_RESPONSE);
        if (within.isEmpty()) {
            return FALLBACK;
        }
        Long calendarId = policy.rules().calendarId();
        boolean aroundTheClock =
                current.calendars().aroundTheClock(calendarId == null ? null : new CalendarId(calendarId));
        return new ResponsePromise(within.get(), !aroundTheClock);
    }
}
