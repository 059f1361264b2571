package it.sportello.automation;

import it.sportello.identity.AuditLog;
import it.sportello.shared.ConflictException;
import it.sportello.shared.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The desk's triggers: listed in the order they run, written by supervisors, every change audited. */
@Service
public class Triggers {

    private final TriggerRepository triggers;
    private final RuleChecks checks;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Triggers(
            TriggerRepository triggers,
            RuleChecks checks,
            AuditLog audit,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        this.triggers = triggers;
        this.checks = checks;
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    public List<Trigger> all() {
        return triggers.findAllByOrderByPositionAscIdAsc();
    }

    public Trigger get(long id) {
        return triggers.findById(id).orElseThrow(() -> new NotFoundException("Trigger", id));
    }

    /** A new trigger, run after the existing ones. */
    public Trigger create(TriggerDraft draft) {
        TriggerDraft clean = checked(draft);
        return transactions.execute(tx -> {
            Trigger saved = triggers.save(new Trigger(clean, triggers.maxPosition() + 1, Instant.now(clock)));
            audit.record("automation.trigger.created", target(saved), saved.name());
            return saved;
        });
    }

    /** Changes a trigger; {@code expectedVersion} must be the version the writer read, or it is refused as stale. */
    public Trigger update(long id, TriggerDraft draft, Long expectedVersion) {
        TriggerDraft clean = checked(draft);
        return transactions.execute(tx -> {
            Trigger trigger = current(id, expectedVersion);
            trigger.change(clean, Instant.now(clock));
            audit.record("automation.trigger.updated", target(trigger), trigger.name());
            return triggers.saveAndFlush(trigger);
        });
    }

    public Trigger activate(long id, boolean active) {
        return transactions.execute(tx -> {
            Trigger trigger = get(id);
            trigger.activate(active, Instant.now(clock));
            audit.record(
                    active ? "automation.trigger.activated" : "automation.trigger.deactivated",
                    target(trigger),
                    trigger.name());
            return triggers.saveAndFlush(trigger);
        });
    }

    /** Moves a trigger one place earlier ({@code up}) or later in the running order. */
    public List<Trigger> move(long id, boolean up) {
        return transactions.execute(tx -> {
            List<Trigger> ordered = new ArrayList<>(all());
            int at = -1;
            for (int i = 0; i < ordered.size(); i++) {
                if (ordered.get(i).id() == id) {
                    at = i;
                }
            }
            if (at < 0) {
                throw new NotFoundException("Trigger", id);
            }
            int to = up ? at - 1 : at + 1;
            if (to >= 0 && to < ordered.size()) {
                ordered.add(to, ordered.remove(at));
                for (int i = 0; i < ordered.size(); i++) {
                    ordered.get(i).moveTo(i + 1);
                }
                audit.record(
                        "automation.trigger.moved", target(ordered.get(to)), (up ? "up" : "down") + " to " + (to + 1));
            }
            return ordered;
        });
    }

    public void delete(long id, Long expectedVersion) {
        transactions.executeWithoutResult(tx -> {
            Trigger trigger = current(id, expectedVersion);
            triggers.delete(trigger);
            audit.record("automation.trigger.deleted", target(trigger), trigger.name());
        });
    }

    private Trigger current(long id, Long expectedVersion) {
        Trigger trigger = get(id);
        if (expectedVersion != null && expectedVersion != trigger.version()) {
            throw new ConflictException("Trigger " + id + " has changed since version " + expectedVersion + " (now "
                    + trigger.version() + "); reload it and try again");
        }
        return trigger;
    }

    private TriggerDraft checked(TriggerDraft draft) {
        Map<String, String> errors = RuleParts.errors();
        String name = RuleParts.name(draft.name(), errors);
        if (draft.event() == null) {
            errors.put(
                    "event",
                    "must be one of ticket_created, customer_replied, status_changed, sla_warning, sla_breached");
        }
        List<Condition> conditions = RuleParts.conditions(draft.conditions(), errors);
        List<Action> actions = RuleParts.actions(draft.actions(), EnumSet.allOf(ActionType.class), true, errors);
        checks.references(actions, errors);
        RuleParts.throwIfAny(errors);
        return new TriggerDraft(name, draft.event(), draft.active(), draft.matchAny(), conditions, actions);
    }

    private static String target(Trigger trigger) {
        return "trigger:" + trigger.id();
    }
}
