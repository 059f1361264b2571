package it.sportello.automation;

import it.sportello.sla.CalendarId;
import it.sportello.sla.Calendars;
import it.sportello.ticket.Ticket;
import it.sportello.ticket.TicketManagement;
import it.sportello.ticket.TicketSearch;
import it.sportello.ticket.TicketStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Looks at the unsolved tickets for each active time rule (on the persistent scheduler, on one node
 * at a time). A rule acts once per ticket per stretch of time: the stretch is named by the instant
 * its clock started (the ticket entering the status, the customer's last message...), so a ticket
 * that leaves pending and comes back is reminded again, and one that stays is reminded once.
 */
@Component
class TimeRuleCheck {

    private static final Logger log = LoggerFactory.getLogger(TimeRuleCheck.class);
    private static final int PAGE = 200;

    private final TimeRuleRepository rules;
    private final TicketManagement tickets;
    private final FactsReader reader;
    private final StatusEntries statusEntries;
    private final Calendars calendars;
    private final ConditionCheck conditions;
    private final ActionRunner actions;
    private final Firings firings;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    TimeRuleCheck(
            TimeRuleRepository rules,
            TicketManagement tickets,
            FactsReader reader,
            StatusEntries statusEntries,
            Calendars calendars,
            ConditionCheck conditions,
            ActionRunner actions,
            Firings firings,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        this.rules = rules;
        this.tickets = tickets;
        this.reader = reader;
        this.statusEntries = statusEntries;
        this.calendars = calendars;
        this.conditions = conditions;
        this.actions = actions;
        this.firings = firings;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** Checks every active rule once; returns how many times rules acted. */
    int checkAll() {
        int acted = 0;
        for (TimeRule rule : rules.findByActiveTrueOrderByIdAsc()) {
            acted += check(rule);
        }
        return acted;
    }

    private int check(TimeRule rule) {
        Set<TicketStatus> statuses = rule.status() == null ? TicketStatus.UNSOLVED : Set.of(rule.status());
        TicketSearch search = new TicketSearch(statuses, null, false, null, null, null, null, null, null, null);
        int acted = 0;
        Instant now = Instant.now(clock);
        for (int page = 0; ; page++) {
            Page<Ticket> found = tickets.search(search, TriggerRunner.DESK, PageRequest.of(page, PAGE, Sort.by("id")));
            for (Ticket ticket : found) {
                Optional<Instant> start = start(rule, ticket);
                if (start.isPresent() && elapsed(rule, start.get(), now).compareTo(rule.after()) >= 0) {
                    acted += act(rule, ticket, start.get()) ? 1 : 0;
                }
            }
            if (!found.hasNext()) {
                return acted;
            }
        }
    }

    private boolean act(TimeRule rule, Ticket ticket, Instant start) {
        String chain = rule.ruleKey() + ":" + start;
        try {
            return Boolean.TRUE.equals(ownTransaction.execute(tx -> {
                if (firings.fired(rule.ruleKey(), ticket.id(), chain)) {
                    return false;
                }
                boolean needsText = rule.conditions().stream().anyMatch(c -> c.kind() == ConditionKind.TEXT_CONTAINS);
                TicketFacts facts = reader.of(ticket, null, needsText);
                if (!conditions.passes(rule.conditions(), rule.matchAny(), facts)) {
                    return false;
                }
                firings.record(rule.ruleKey(), ticket.id(), chain, Firings.DONE, rule.name(), Instant.now(clock));
                actions.perform(
                        rule.actions(),
                        facts,
                        new ActionRunner.Run(rule.ruleKey(), rule.name(), "time_rule", new Firings.Chain(chain, 0)));
                return true;
            }));
        } catch (DataIntegrityViolationException e) {
            return false;
        } catch (RuntimeException e) {
            log.warn(
                    "Time rule {} ({}) failed on ticket {}: {}",
                    rule.id(),
                    rule.name(),
                    ticket.id().value(),
                    e.toString());
            try {
                ownTransaction.executeWithoutResult(tx -> firings.record(
                        rule.ruleKey(), ticket.id(), chain, Firings.FAILED, e.toString(), Instant.now(clock)));
            } catch (DataIntegrityViolationException ignored) {
                // already recorded
            }
            return false;
        }
    }

    private Optional<Instant> start(TimeRule rule, Ticket ticket) {
        return switch (rule.measure()) {
            case IN_STATUS ->
                Optional.of(statusEntries
                        .enteredAt(ticket.id(), ticket.status().code())
                        .orElse(ticket.updatedAt()));
            case SINCE_CUSTOMER_MESSAGE -> ticket.lastCustomerMessageAt();
            case SINCE_AGENT_REPLY -> ticket.lastAgentReplyAt();
            case SINCE_CREATION -> Optional.of(ticket.createdAt());
        };
    }

    private Duration elapsed(TimeRule rule, Instant start, Instant now) {
        if (!rule.businessHours()) {
            return Duration.between(start, now);
        }
        CalendarId calendar = rule.calendarId() == null ? null : new CalendarId(rule.calendarId());
        return calendars.businessCalendar(calendar).between(start, now);
    }
}
