package it.sportello.sla;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
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
 * <p>Each running clock has a warning and a breach timer on the persistent scheduler. A timer
 * re-checks its clock when it fires: one made stale by a pause, a stop or a new policy does nothing.
 */
@Service
class SlaClocks {

    private static final Logger log = LoggerFactory.getLogger(SlaClocks.class);
    private static final int ATTEMPTS = 5;

    private final SlaTicketRepository followed;
    private final SlaClockRepository clocks;
    private final SlaPolicies policies;
    private final Calendars calendars;
    private final TicketManagement tickets;
    private final CustomerManagement customers;
    private final Scheduler scheduler;
    private final Escalations escalations;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate transactions;

    SlaClocks(
            SlaTicketRepository followed,
            SlaClockRepository clocks,
            SlaPolicies policies,
            Calendars calendars,
            TicketManagement tickets,
            CustomerManagement customers,
            Scheduler scheduler,
            Escalations escalations,
            ApplicationEventPublisher events,
            Clock clock,
            PlatformTransactionManager transactionManager) {
        this.followed = followed;
        this.clocks = clocks;
        this.policies = policies;
        this.calendars = calendars;
        this.tickets = tickets;
        this.customers = customers;
        this.scheduler = scheduler;
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
            SlaPolicy policy = select(ticket);
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
                CalendarId calendar = calendarOf(policy);
                next = clocks.save(new SlaClock(
                        id,
                        SlaTarget.NEXT_RESPONSE,
                        calendar,
                        allowed.get(),
                        policy.rules().warningPercent(),
                        at,
                        calendars.businessCalendar(calendar)));
                context.byTarget.put(SlaTarget.NEXT_RESPONSE, next);
            } else {
                next.start(at, calendar(next));
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
                next.stop(at, calendar(next));
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

    /** What a handler does to a ticket's clocks once they agree with its state. */
    private interface Step {
        void apply(Ticket ticket, Context context);
    }

    /** A followed ticket's row, its policy (if still there) and its clocks by target. */
    private static final class Context {
        SlaTicket following;
        Optional<SlaPolicy> policy;
        final Map<SlaTarget, SlaClock> byTarget = new EnumMap<>(SlaTarget.class);
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
        Context context = new Context();
        if (following == null) {
            SlaPolicy policy = select(ticket);
            following = followed.saveAndFlush(new SlaTicket(id.value(), policy, Instant.now(clock)));
            context.following = following;
            context.policy = Optional.of(policy);
            adopt(ticket, policy, context, ticket.createdAt());
        } else {
            context.following = following;
            Long policyId = following.policyId();
            context.policy = policyId == null
                    ? Optional.empty()
                    : policies.all().stream()
                            .filter(p -> p.id().value() == policyId)
                            .findFirst();
            clocks.findByTicketIdOrderById(id.value()).forEach(c -> context.byTarget.put(c.target(), c));
        }
        follow(ticket, context, at);
        step.apply(ticket, context);
        follow(ticket, context, at);
        clocks.saveAll(context.byTarget.values());
        schedule(id, context.byTarget.values());
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
        CalendarId calendarId = calendarOf(policy);
        BusinessCalendar calendar = calendars.businessCalendar(calendarId);
        for (SlaTarget target : SlaTarget.values()) {
            Optional<java.time.Duration> allowed = rules.target(target);
            SlaClock existing = context.byTarget.get(target);
            if (allowed.isEmpty()) {
                if (existing != null) {
                    existing.stop(at, calendar(existing));
                }
            } else if (existing != null) {
                existing.retarget(calendarId, allowed.get(), rules.warningPercent(), at, calendar(existing), calendar);
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
            BusinessCalendar calendar = calendar(c);
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

    /** A warning and a breach timer for each running clock; those of a past state do nothing when they fire. */
    private void schedule(TicketId id, java.util.Collection<SlaClock> ticketClocks) {
        for (SlaClock c : ticketClocks) {
            if (!c.isRunning()) {
                continue;
            }
            Instant due = c.dueAt().orElseThrow();
            Instant warnAt = c.warnAt().orElseThrow();
            if (!c.warned() && warnAt.isBefore(due)) {
                scheduler.scheduleIfNotExists(
                        new TaskInstance<Void>(SlaTimers.WARNING, SlaTimers.instanceId(id, c.target(), warnAt)),
                        warnAt);
            }
            if (!c.breachedInCycle()) {
                scheduler.scheduleIfNotExists(
                        new TaskInstance<Void>(SlaTimers.BREACH, SlaTimers.instanceId(id, c.target(), due)), due);
            }
        }
    }

    private SlaPolicy select(Ticket ticket) {
        Map<it.sportello.customer.CustomerId, Customer> requester =
                new HashMap<>(customers.findAll(List.of(ticket.requester())));
        Long organisation = Optional.ofNullable(requester.get(ticket.requester()))
                .flatMap(Customer::organisation)
                .map(Organisation::id)
                .orElse(null);
        return policies.applicableTo(ticket.channel(), ticket.priority(), organisation, ticket.tags());
    }

    private CalendarId calendarOf(SlaPolicy policy) {
        Long id = policy.rules().calendarId();
        return calendars.orDefault(id == null ? null : new CalendarId(id)).id();
    }

    private BusinessCalendar calendar(SlaClock c) {
        return calendars.orDefault(c.calendarId()).calendar();
    }
}
