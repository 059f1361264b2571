package it.sportello.automation;

import it.sportello.identity.CurrentUser;
import it.sportello.identity.Role;
import it.sportello.ticket.MessageId;
import it.sportello.ticket.TicketId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the active triggers of an event on its ticket, in their order, each in a transaction of its
 * own (one that fails is recorded and does not stop the next).
 *
 * <p>No loops, and nothing twice. Every event belongs to a <em>chain</em>: a person's or a
 * customer's event starts one (named by the event itself); a change an automation makes is
 * remembered by the instant it carries, so the events of that change continue the chain one level
 * deeper. A trigger acts at most once per ticket per chain: a re-delivered event finds its firing
 * and does nothing, and two triggers that undo each other's change stop after one round each.
 * Chains deeper than {@link #MAX_DEPTH} are not followed at all.
 */
@Component
class TriggerRunner {

    private static final Logger log = LoggerFactory.getLogger(TriggerRunner.class);

    static final int MAX_DEPTH = 3;

    /** Who reads tickets for the rules: the desk itself, not a person. */
    static final CurrentUser DESK = new CurrentUser(null, "automation@sportello", "Automazioni", Role.ADMIN);

    private final TriggerRepository triggers;
    private final FactsReader reader;
    private final ConditionCheck conditions;
    private final ActionRunner actions;
    private final Firings firings;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    TriggerRunner(
            TriggerRepository triggers,
            FactsReader reader,
            ConditionCheck conditions,
            ActionRunner actions,
            Firings firings,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        this.triggers = triggers;
        this.reader = reader;
        this.conditions = conditions;
        this.actions = actions;
        this.firings = firings;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** Something happened to a ticket: {@code eventKey} names this very event, the same on every re-delivery. */
    void run(TriggerEvent event, TicketId ticketId, String eventKey, Instant occurredAt, MessageId message) {
        List<Trigger> candidates = triggers.findByEventAndActiveTrueOrderByPositionAscIdAsc(event);
        if (candidates.isEmpty()) {
            return;
        }
        Firings.Chain chain = firings.chainOf(ticketId, occurredAt, eventKey);
        if (chain.depth() >= MAX_DEPTH) {
            log.info(
                    "Ticket {}: {} is {} automated changes deep; triggers do not follow it further",
                    ticketId.value(),
                    eventKey,
                    chain.depth());
            return;
        }
        for (Trigger trigger : candidates) {
            fire(trigger, event, ticketId, chain, message);
        }
    }

    private void fire(Trigger trigger, TriggerEvent event, TicketId ticketId, Firings.Chain chain, MessageId message) {
        String ruleKey = trigger.ruleKey();
        try {
            ownTransaction.executeWithoutResult(tx -> {
                if (firings.fired(ruleKey, ticketId, chain.key())) {
                    return;
                }
                Optional<TicketFacts> facts = reader.read(ticketId, message, true);
                if (facts.isEmpty() || !conditions.passes(trigger.conditions(), trigger.matchAny(), facts.get())) {
                    return;
                }
                firings.record(ruleKey, ticketId, chain.key(), Firings.DONE, trigger.name(), Instant.now(clock));
                actions.perform(
                        trigger.actions(),
                        facts.get(),
                        new ActionRunner.Run(ruleKey, trigger.name(), event.code(), chain));
            });
        } catch (DataIntegrityViolationException e) {
            // Another node (or a re-delivery running at the same time) recorded this firing first.
            log.debug("Trigger {} on ticket {} fired elsewhere", trigger.id(), ticketId.value());
        } catch (RuntimeException e) {
            log.warn(
                    "Trigger {} ({}) failed on ticket {}: {}",
                    trigger.id(),
                    trigger.name(),
                    ticketId.value(),
                    e.toString());
            try {
                ownTransaction.executeWithoutResult(tx -> firings.record(
                        ruleKey, ticketId, chain.key(), Firings.FAILED, e.toString(), Instant.now(clock)));
            } catch (DataIntegrityViolationException ignored) {
                // already recorded
            }
        }
    }
}
