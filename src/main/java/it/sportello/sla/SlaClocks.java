package it.sportello.sla;

import it.sportello.customer.Customer;
import it.sportello.customer.CustomerManagement;
import it.sportello.customer.Organisation;
import it.sportello.ticket.Ticket;
import it.sportello.ticket.TicketId;
import it.sportello.ticket.TicketManagement;
import it.sportello.ticket.TicketStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps each ticket's clocks in step with the ticket. Every handler locks the ticket's
 * {@link SlaTicket} row, reads the ticket as it is now and makes the clocks agree with it, so a
 * repeated, late or reordered event changes nothing twice: the first response stops when the
 * ticket has a first reply; the resolution stops when it is solved or closed and counts on when it
 * reopens; every clock pauses while the status is one the policy pauses on. A next-response clock
 * starts at a customer message the desk owes an answer to and stops at the next agent reply.
 *
 * <p>A running clock's warning and breach are given by {@link SlaSweep}, which looks every few
 * seconds, once across the cluster, for clocks whose moment has come: nothing is scheduled per
 * ticket. Each is given under the ticket's row lock and marked on the clock, so it happens once.
 */
@Service
class SlaClocks {

    private static final Logger log = LoggerFactory.getLogger(SlaClocks.class);
    private static final int ATTEMPTS = 5;
    private static final Pageable SWEEP_PAGE = PageRequest.of(0, 200);
    /** Pages per sweep and kind: a backlog (after an outage) is worked off over a few sweeps. */
    private static final int SWEEP_PAGES = 50;

    private final SlaTicketRepository followed;
    private final SlaClockRepository clocks;
    private final ServiceLevelSettings settings;
    private final TicketManagement tickets;
    private final CustomerManagement customers;
    private final Escalations escalations;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate transactions;

    SlaClocks(
            SlaTicketRepository followed,
            SlaClockRepository clocks,
            ServiceLevelSettings settings,
            TicketManagement tickets,
            CustomerManagement customers,
            Escalations escalations,
            ApplicationEventPublisher events,
            Clock clock,
            PlatformTransactionManager transactionManager) {
        this.followed = followed;
        this.clocks = clocks;
        this.settings = settings;
        this.tickets = tickets;
        this.customers = customers;
        this.escalations = escalations;
        this.events = events;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The ticket was opened, or something else happened to it: the clocks follow its state. */
    void ticketChanged(TicketId id, Instant at) {
        inTicket(id, at, (ticket, context) -> {});
    }

    /**
     * The ticket's priority, tags or requester changed: the policy is chosen again, and when another
     * applies the clocks count on with its targets, keeping the business time used so far.
     */
    void ticketRedefined(TicketId id, Instant at) {
        inTicket(id, at, (ticket, context) -> {
            SlaPolicy policy = select(ticket, context.settings);
            if (!Long.valueOf(policy.id().value()).equals(context.following.policyId())) {
                context.following.follow(policy, Instant.now(clock));
                context.policy = Optional.of(policy);
                adopt(ticket, policy, context, at);
            }
        });
    }

    /** The customer wrote: if the desk had answered before, it now owes the next answer. */
    void customerWrote(TicketId id, Instant at) {
        inTicket(id, at, (ticket, context) -> {
            Optional<java.time.Duration> allowed =
                    context.policy.flatMap(p -> p.rules().target(SlaTarget.NEXT_RESPONSE));
            boolean answeredBefore =
                    ticket.firstReplyAt().filter(first -> first.isBefore(at)).isPresent();
            boolean answeredSince =
                    ticket.lastAgentReplyAt().filter(last -> last.isAfter(at)).isPresent();
            if (allowed.isEmpty()
                    || !answeredBefore
                    || answeredSince
                    || !ticket.status().isUnsolved()) {
                return;
            }
            SlaClock next = context.byTarget.get(SlaTarget.NEXT_RESPONSE);
            if (next != null
                    && (next.state() != SlaClockState.STOPPED
                            || next.stoppedAt()
                                    .filter(stopped -> stopped.isAfter(at))
                                    .isPresent())) {
                return; // already owed, or this message was answered already
            }
            if (next == null) {
                SlaPolicy policy = context.policy.orElseThrow();
                CalendarId calendar = context.calendarOf(policy);
                next = clocks.save(new SlaClock(
                        id,
                        SlaTarget.NEXT_RESPONSE,
                        calendar,
                        allowed.get(),
                        policy.rules().warningPercent(),
                        at,
                        context.calendars.namedOrDefault(calendar)));
                context.byTarget.put(SlaTarget.NEXT_RESPONSE, next);
            } else {
                next.start(at, context.calendarOf(next));
            }
        });
    }

    /** An agent answered publicly: the next answer owed since before {@code at} is given. */
    void agentReplied(TicketId id, Instant at) {
        inTicket(id, at, (ticket, context) -> {
            SlaClock next = context.byTarget.get(SlaTarget.NEXT_RESPONSE);
            if (next != null
                    && next.state() != SlaClockState.STOPPED
                    && !next.startedAt().isAfter(at)) {
                next.stop(at, context.calendarOf(next));
            }
        });
    }

    /** A warning or breach timer fired: marks it once, publishes it and runs the policy's escalations. */
    void fire(TicketId id, SlaTarget target, EscalationMoment moment) {
        Instant now = Instant.now(clock);
        inTicket(id, now, (ticket, context) -> {
            SlaClock fired = context.byTarget.get(target);
            if (fired == null) {
                return;
            }
            Instant due = fired.dueAt().orElse(null);
            boolean marked = moment == EscalationMoment.WARNING ? fired.warn(now) : fired.breach(now);
            if (!marked) {
                return;
            }
            String policyName = context.following.policyName();
            log.info("SLA {} of ticket {}: {} due at {}", moment.code(), id.value(), target.code(), due);
            events.publishEvent(
                    moment == EscalationMoment.WARNING
                            ? new SlaWarned(id, target, policyName, due, now)
                            : new SlaBreached(id, target, policyName, due, now));
            context.policy.ifPresent(
                    policy -> escalations.run(ticket, policy.rules().escalationsFor(target, moment), target, moment));
        });
    }

    /**
     * Gives every warning, then every breach, that has come by now, a page at a time; returns how
     * many were looked at. Each is given once: {@link #fire} marks it on the clock, so the next
     * page no longer holds it. One that fails is logged and left for the next sweep.
     */
    int fireDue() {
        int looked = 0;
        looked += fireAll(EscalationMoment.WARNING, now -> clocks.warningsDue(now, SWEEP_PAGE));
        looked += fireAll(EscalationMoment.BREACH, now -> clocks.breachesDue(now, SWEEP_PAGE));
        return looked;
    }

    private int fireAll(EscalationMoment moment, Function<Instant, List<DueClock>> due) {
        int looked = 0;
        List<DueClock> previous = List.of();
        for (int page = 0; page < SWEEP_PAGES; page++) {
            List<DueClock> found = due.apply(Instant.now(clock));
            if (found.equals(previous)) {
                break; // none of them could be given (a ticket gone): the next sweep tries again
            }
            previous = found;
            for (DueClock c : found) {
                try {
                    fire(new TicketId(c.ticketId()), c.target(), moment);
                } catch (RuntimeException e) {
                    log.warn(
                            "SLA {} of ticket {} ({}) not given now; the next sweep tries again",
                            moment.code(),
                            c.ticketId(),
                            c.target().code(),
                            e);
                }
            }
            looked += found.size();
            if (found.size() < SWEEP_PAGE.getPageSize()) {
                break;
            }
        }
        return looked;
    }

    /** What a handler does to a ticket's clocks once they agree with its state. */
    private interface Step {
        void apply(Ticket ticket, Context context);
    }

    /** A followed ticket's row, its policy (if still there), its clocks by target, and the policies and calendars as they are. */
    private static final class Context {
        SlaTicket following;
        Optional<SlaPolicy> policy;
        final Map<SlaTarget, SlaClock> byTarget = new EnumMap<>(SlaTarget.class);
        final ServiceLevelSettings.Current settings;
        final Calendars.CountingCalendars calendars;

        Context(ServiceLevelSettings.Current settings) {
            this.settings = settings;
            this.calendars = settings.calendars();
        }

        CalendarId calendarOf(SlaPolicy policy) {
            Long id = policy.rules().calendarId();
            return calendars.countedOn(id == null ? null : new CalendarId(id));
        }

        BusinessCalendar calendarOf(SlaClock clock) {
            return calendars.namedOrDefault(clock.calendarId());
        }
    }

    private void inTicket(TicketId id, Instant at, Step step) {
        for (int attempt = 1; ; attempt++) {
            try {
                transactions.executeWithoutResult(tx -> handle(id, at, step));
                return;
            } catch (DataIntegrityViolationException | ConcurrencyFailureException e) {
                // Two handlers started following the same ticket at once: the second finds the first's row.
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private void handle(TicketId id, Instant at, Step step) {
        SlaTicket following = followed.findForUpdate(id.value()).orElse(null);
        // Read after the lock: what another handler committed before us is visible now.
        Optional<Ticket> found = tickets.find(id);
        if (found.isEmpty()) {
            return;
        }
        Ticket ticket = found.get();
        ServiceLevelSettings.Current settings = this.settings.current();
        Context context = new Context(settings);
        if (following == null) {
            SlaPolicy policy = select(ticket, settings);
            following = followed.saveAndFlush(new SlaTicket(id.value(), policy, Instant.now(clock)));
            context.following = following;
            context.policy = Optional.of(policy);
            adopt(ticket, policy, context, ticket.createdAt());
        } else {
            context.following = following;
            Long policyId = following.policyId();
            context.policy = policyId == null ? Optional.empty() : settings.policy(policyId);
            clocks.findByTicketIdOrderById(id.value()).forEach(c -> context.byTarget.put(c.target(), c));
        }
        follow(ticket, context, at);
        step.apply(ticket, context);
        follow(ticket, context, at);
        clocks.saveAll(context.byTarget.values());
        tickets.recordSlaDue(
                id,
                context.byTarget.values().stream()
                        .filter(SlaClock::isRunning)
                        .map(c -> c.dueAt().orElseThrow())
                        .min(Comparator.naturalOrder())
                        .orElse(null));
    }

    /**
     * Takes on a policy's targets: existing clocks count on with them; a first-response or
     * resolution clock the ticket lacks starts from the ticket's creation; one the policy does not
     * set stops.
     */
    private void adopt(Ticket ticket, SlaPolicy policy, Context context, Instant at) {
        PolicyRules rules = policy.rules();
        CalendarId calendarId = context.calendarOf(policy);
        BusinessCalendar calendar = context.calendars.namedOrDefault(calendarId);
        for (SlaTarget target : SlaTarget.values()) {
            Optional<java.time.Duration> allowed = rules.target(target);
            SlaClock existing = context.byTarget.get(target);
            if (allowed.isEmpty()) {
                if (existing != null) {
                    existing.stop(at, context.calendarOf(existing));
                }
            } else if (existing != null) {
                existing.retarget(
                        calendarId, allowed.get(), rules.warningPercent(), at, context.calendarOf(existing), calendar);
            } else if (target != SlaTarget.NEXT_RESPONSE) {
                context.byTarget.put(
                        target,
                        clocks.save(new SlaClock(
                                ticket.id(),
                                target,
                                calendarId,
                                allowed.get(),
                                rules.warningPercent(),
                                ticket.createdAt(),
                                calendar)));
            }
        }
    }

    /** Makes the clocks agree with the ticket's status and replies, as of {@code at}. */
    private void follow(Ticket ticket, Context context, Instant at) {
        TicketStatus status = ticket.status();
        boolean done = status == TicketStatus.SOLVED || status == TicketStatus.CLOSED;
        Set<TicketStatus> pauseOn = context.policy.map(p -> p.rules().pauseOn()).orElse(PolicyRules.PAUSABLE);
        for (SlaClock c : context.byTarget.values()) {
            BusinessCalendar calendar = context.calendarOf(c);
            switch (c.target()) {
                case FIRST_RESPONSE -> {
                    if (ticket.firstReplyAt().isPresent()) {
                        c.stop(ticket.firstReplyAt().get(), calendar);
                    } else if (done) {
                        c.stop(at, calendar);
                    }
                }
                case NEXT_RESPONSE -> {
                    if (done) {
                        c.stop(at, calendar);
                    }
                }
                case RESOLUTION -> {
                    if (done) {
                        c.stop(at, calendar);
                    } else if (c.state() == SlaClockState.STOPPED) {
                        c.resume(at, calendar); // reopened: the time it was solved does not count
                    }
                }
            }
            if (c.state() != SlaClockState.STOPPED) {
                if (pauseOn.contains(status)) {
                    c.pause(at, calendar);
                } else {
                    c.resume(at, calendar);
                }
            }
        }
    }

    /** The policy for the ticket as it is; its requester is read only when a policy names organisations. */
    private SlaPolicy select(Ticket ticket, ServiceLevelSettings.Current settings) {
        return settings.applicableTo(
                ticket.channel(),
                ticket.priority(),
                () -> customers.findAll(List.of(ticket.requester())).values().stream()
                        .findFirst()
                        .flatMap(Customer::organisation)
                        .map(Organisation::id)
                        .orElse(null),
                ticket.tags());
    }
}
