package it.sportello.sla;

import it.sportello.identity.AuditLog;
import it.sportello.identity.GroupId;
import it.sportello.identity.UserId;
import it.sportello.identity.UserManagement;
import it.sportello.shared.ConflictException;
import it.sportello.shared.InvalidInputException;
import it.sportello.shared.NotFoundException;
import it.sportello.shared.PlainText;
import it.sportello.ticket.Channel;
import it.sportello.ticket.Priority;
import it.sportello.ticket.TicketStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The desk's service-level policies, in the order they are tried: the first whose conditions a
 * ticket meets applies, the catch-all last. Supervisors and admins change them; every change is
 * audited. Clocks already running keep the targets they started with until the ticket changes.
 */
@Service
public class SlaPolicies {

    /** A year of minutes: no promise is longer. */
    static final int MAX_MINUTES = 366 * 24 * 60;

    private final SlaPolicyRepository policies;
    private final Calendars calendars;
    private final UserManagement users;
    private final AuditLog audit;
    private final Clock clock;

    private final ServiceLevelSettings settings;

    SlaPolicies(
            SlaPolicyRepository policies,
            Calendars calendars,
            UserManagement users,
            AuditLog audit,
            Clock clock,
            ServiceLevelSettings settings) {
        this.policies = policies;
        this.calendars = calendars;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
        this.settings = settings;
    }

    /** Every policy in the order they are tried, the catch-all last. */
    @Transactional(readOnly = true)
    public List<SlaPolicy> all() {
        return policies.findAllByOrderByCatchAllAscPositionAscIdAsc();
    }

    @Transactional(readOnly = true)
    public SlaPolicy get(PolicyId id) {
        return policies.findById(id.value()).orElseThrow(() -> new NotFoundException("SLA policy", id.value()));
    }

    /**
     * The policy for a ticket like this: the first whose conditions hold, else the catch-all. The
     * policies are kept between calls and read again only once one has changed.
     */
    public SlaPolicy applicableTo(Channel channel, Priority priority, Long organisation, Collection<String> tags) {
        return settings.current().applicableTo(channel, priority, () -> organisation, tags);
    }

    /** A new policy, tried just before the catch-all. */
    @Transactional
    public SlaPolicy create(String name, PolicyRules rules) {
        String cleanName = requireName(name, null);
        PolicyRules clean = requireValid(rules);
        int position = all().stream()
                        .filter(p -> !p.isCatchAll())
                        .mapToInt(SlaPolicy::position)
                        .max()
                        .orElse(0)
                + 1;
        SlaPolicy policy = policies.saveAndFlush(new SlaPolicy(cleanName, position, clean, Instant.now(clock)));
        audit.record("sla.policy.create", "policy:" + policy.id().value(), cleanName);
        return policy;
    }

    /** Replaces a policy's name and rules; {@code expectedVersion}, when given, must still match. */
    @Transactional
    public SlaPolicy update(PolicyId id, String name, PolicyRules rules, Long expectedVersion) {
        SlaPolicy policy = get(id);
        requireVersion(policy, expectedVersion);
        String cleanName = requireName(name, id);
        PolicyRules clean = requireValid(rules);
        policy.redefine(cleanName, clean, Instant.now(clock));
        audit.record("sla.policy.update", "policy:" + id.value(), cleanName);
        return policies.saveAndFlush(policy);
    }

    /** Deletes a policy; the catch-all stays. Tickets it applied to keep their clocks. */
    @Transactional
    public void delete(PolicyId id, Long expectedVersion) {
        SlaPolicy policy = get(id);
        requireVersion(policy, expectedVersion);
        if (policy.isCatchAll()) {
            throw new ConflictException("The default policy applies when no other does: it cannot be deleted");
        }
        policies.delete(policy);
        audit.record("sla.policy.delete", "policy:" + id.value(), policy.name());
    }

    /** Moves a policy one place earlier ({@code up}) or later in the order; the catch-all stays last. */
    @Transactional
    public List<SlaPolicy> move(PolicyId id, boolean up) {
        SlaPolicy policy = get(id);
        if (policy.isCatchAll()) {
            throw new ConflictException("The default policy is always tried last");
        }
        List<SlaPolicy> ordered =
                new ArrayList<>(all().stream().filter(p -> !p.isCatchAll()).toList());
        int at = ordered.indexOf(policy);
        int other = up ? at - 1 : at + 1;
        if (other >= 0 && other < ordered.size()) {
            ordered.set(at, ordered.get(other));
            ordered.set(other, policy);
            Instant now = Instant.now(clock);
            for (int i = 0; i < ordered.size(); i++) {
                if (ordered.get(i).position() != i + 1) {
                    ordered.get(i).moveTo(i + 1, now);
                }
            }
            policies.saveAllAndFlush(ordered);
            audit.record(
                    "sla.policy.move",
                    "policy:" + id.value(),
                    policy.name() + " " + (up ? "up" : "down") + " to " + (other + 1));
        }
        return all();
    }

    private static void requireVersion(SlaPolicy policy, Long expectedVersion) {
        if (expectedVersion != null && expectedVersion != policy.version()) {
            throw new ConflictException("SLA policy " + policy.id().value() + " has changed since version "
                    + expectedVersion + " (now " + policy.version() + "); reload it and try again");
        }
    }

    private String requireName(String name, PolicyId self) {
        String clean = name == null ? "" : PlainText.line(name);
        if (clean.isEmpty()) {
            throw new InvalidInputException("name", "must not be blank");
        }
        if (clean.length() > 100) {
            throw new InvalidInputException("name", "must be at most 100 characters");
        }
        policies.findByNameIgnoreCase(clean)
                .filter(other -> self == null || !other.id().equals(self))
                .ifPresent(other -> {
                    throw new InvalidInputException("name", "another policy is called \"" + clean + "\"");
                });
        return clean;
    }

    /** The rules with tags normalised, or every problem found at once, by field. */
    private PolicyRules requireValid(PolicyRules rules) {
        if (rules == null) {
            throw new InvalidInputException("targets", "a policy needs at least one target");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        Set<String> tags = normalisedTags(rules.tags(), errors);
        if (rules.calendarId() != null
                && calendars.find(new CalendarId(rules.calendarId())).isEmpty()) {
            errors.put("calendarId", "no calendar with id " + rules.calendarId());
        }
        minutes("firstResponseMinutes", rules.firstResponseMinutes(), errors);
        minutes("nextResponseMinutes", rules.nextResponseMinutes(), errors);
        minutes("resolutionMinutes", rules.resolutionMinutes(), errors);
        if (rules.firstResponseMinutes() == null
                && rules.nextResponseMinutes() == null
                && rules.resolutionMinutes() == null) {
            errors.put("targets", "a policy needs at least one target");
        }
        if (!onlyPausable(rules.pauseOn())) {
            errors.put("pauseOn", "the clocks can pause only while pending or on hold");
        }
        if (rules.warningPercent() < 1 || rules.warningPercent() > 99) {
            errors.put("warningPercent", "must be between 1 and 99");
        }
        if (rules.organisations().stream().anyMatch(o -> o == null || o <= 0)) {
            errors.put("organisations", "must be organisation ids");
        }
        for (int i = 0; i < rules.escalations().size(); i++) {
            escalation("escalations[" + i + "]", rules.escalations().get(i), rules, errors);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new PolicyRules(
                rules.channels(),
                rules.priorities(),
                rules.organisations(),
                tags,
                rules.calendarId(),
                rules.firstResponseMinutes(),
                rules.nextResponseMinutes(),
                rules.resolutionMinutes(),
                rules.pauseOn(),
                rules.warningPercent(),
                rules.escalations());
    }

    private static boolean onlyPausable(Set<TicketStatus> statuses) {
        return PolicyRules.PAUSABLE.containsAll(statuses);
    }

    private void escalation(String field, EscalationRule rule, PolicyRules rules, Map<String, String> errors) {
        if (rule == null || rule.target() == null || rule.moment() == null || rule.action() == null) {
            errors.put(field, "needs a target, a moment (warning, breach) and an action");
            return;
        }
        if (rules.target(rule.target()).isEmpty()) {
            errors.put(field + ".target", "the policy sets no " + rule.target().code() + " target");
        }
        if (rule.action() == EscalationAction.REASSIGN) {
            if (rule.groupId() == null && rule.agentId() == null) {
                errors.put(field + ".groupId", "a reassignment names a group, an agent or both");
            }
            try {
                if (rule.groupId() != null) {
                    users.requireGroup(new GroupId(rule.groupId()), field + ".groupId");
                }
                if (rule.agentId() != null) {
                    users.requireAssignableAgent(new UserId(rule.agentId()), field + ".agentId");
                }
            } catch (InvalidInputException e) {
                errors.putAll(e.fieldErrors());
            }
        }
    }

    private static void minutes(String field, Integer value, Map<String, String> errors) {
        if (value != null && (value < 1 || value > MAX_MINUTES)) {
            errors.put(field, "must be between 1 and " + MAX_MINUTES + " minutes");
        }
    }

    private static Set<String> normalisedTags(Set<String> tags, Map<String, String> errors) {
        Set<String> result = new TreeSet<>();
        for (String tag : tags) {
            String clean =
                    tag == null ? "" : tag.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", "-");
            if (clean.isEmpty()) {
                continue;
            }
            if (clean.length() > 50 || !clean.matches("[\\p{L}\\p{N}_.:-]+")) {
                errors.put("tags", "'" + PlainText.line(tag) + "' is not a valid tag");
            }
            result.add(clean);
        }
        return result;
    }
}
