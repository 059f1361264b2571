package it.sportello.automation;

import it.sportello.identity.AuditLog;
import it.sportello.shared.ConflictException;
import it.sportello.shared.NotFoundException;
import it.sportello.sla.CalendarId;
import it.sportello.sla.Calendars;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The desk's time rules, written by supervisors, every change audited. */
@Service
public class TimeRules {

    /** A year: longer waits are surely a typo. */
    static final int MAX_HOURS = 24 * 366;

    private final TimeRuleRepository rules;
    private final RuleChecks checks;
    private final Calendars calendars;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    TimeRules(
            TimeRuleRepository rules,
            RuleChecks checks,
            Calendars calendars,
            AuditLog audit,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        this.rules = rules;
        this.checks = checks;
        this.calendars = calendars;
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    public List<TimeRule> all() {
        return rules.findAllByOrderByNameAscIdAsc();
    }

    public TimeRule get(long id) {
        return rules.findById(id).orElseThrow(() -> new NotFoundException("Time rule", id));
    }

    public TimeRule create(TimeRuleDraft draft) {
        TimeRuleDraft clean = checked(draft);
        return transactions.execute(tx -> {
            TimeRule saved = rules.save(new TimeRule(clean, Instant.now(clock)));
            audit.record("automation.time-rule.created", target(saved), saved.name());
            return saved;
        });
    }

    public TimeRule update(long id, TimeRuleDraft draft, Long expectedVersion) {
        TimeRuleDraft clean = checked(draft);
        return transactions.execute(tx -> {
            TimeRule rule = current(id, expectedVersion);
            rule.change(clean, Instant.now(clock));
            audit.record("automation.time-rule.updated", target(rule), rule.name());
            return rules.saveAndFlush(rule);
        });
    }

    public TimeRule activate(long id, boolean active) {
        return transactions.execute(tx -> {
            TimeRule rule = get(id);
            rule.activate(active, Instant.now(clock));
            audit.record(
                    active ? "automation.time-rule.activated" : "automation.time-rule.deactivated",
                    target(rule),
                    rule.name());
            return rules.saveAndFlush(rule);
        });
    }

    public void delete(long id, Long expectedVersion) {
        transactions.executeWithoutResult(tx -> {
            TimeRule rule = current(id, expectedVersion);
            rules.delete(rule);
            audit.record("automation.time-rule.deleted", target(rule), rule.name());
        });
    }

    private TimeRule current(long id, Long expectedVersion) {
        TimeRule rule = get(id);
        if (expectedVersion != null && expectedVersion != rule.version()) {
            throw new ConflictException("Time rule " + id + " has changed since version " + expectedVersion + " (now "
                    + rule.version() + "); reload it and try again");
        }
        return rule;
    }

    private TimeRuleDraft checked(TimeRuleDraft draft) {
        Map<String, String> errors = RuleParts.errors();
        String name = RuleParts.name(draft.name(), errors);
        if (draft.measure() == null) {
            errors.put(
                    "measure", "must be one of in_status, since_customer_message, since_agent_reply, since_creation");
        } else if (draft.measure() == TimeMeasure.IN_STATUS && draft.status() == null) {
            errors.put("status", "a rule that measures time in a status needs the status");
        }
        if (draft.status() != null && !draft.status().isUnsolved()) {
            errors.put("status", "must be one of new, open, pending, on_hold");
        }
        if (draft.afterHours() == null || draft.afterHours() < 1 || draft.afterHours() > MAX_HOURS) {
            errors.put("afterHours", "must be between 1 and " + MAX_HOURS);
        }
        if (draft.calendarId() != null) {
            try {
                calendars.get(new CalendarId(draft.calendarId()));
            } catch (NotFoundException e) {
                errors.put("calendarId", "no calendar with id " + draft.calendarId());
            }
        }
        List<Condition> conditions = RuleParts.conditions(draft.conditions(), errors);
        List<Action> actions = RuleParts.actions(draft.actions(), EnumSet.allOf(ActionType.class), true, errors);
        checks.references(actions, errors);
        RuleParts.throwIfAny(errors);
        return new TimeRuleDraft(
                name,
                draft.active(),
                draft.measure(),
                draft.status(),
                draft.afterHours(),
                draft.businessHours(),
                draft.calendarId(),
                draft.matchAny(),
                conditions,
                actions);
    }

    private static String target(TimeRule rule) {
        return "time-rule:" + rule.id();
    }
}
