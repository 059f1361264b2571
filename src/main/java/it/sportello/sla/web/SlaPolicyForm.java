package it.sportello.sla.web;

import it.sportello.sla.EscalationAction;
import it.sportello.sla.EscalationMoment;
import it.sportello.sla.EscalationRule;
import it.sportello.sla.PolicyRules;
import it.sportello.sla.SlaPolicy;
import it.sportello.sla.SlaTarget;
import it.sportello.ticket.Channel;
import it.sportello.ticket.Priority;
import it.sportello.ticket.TicketStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The policy form as posted: lists as typed (tags and organisation ids separated by commas),
 * targets in minutes, and the escalation rules as parallel columns, one row each (a row without
 * an action is left out). Unticked boxes are absent.
 */
record SlaPolicyForm(
        String name,
        List<Channel> channels,
        List<Priority> priorities,
        String organisations,
        String tags,
        Long calendarId,
        Integer firstResponseMinutes,
        Integer nextResponseMinutes,
        Integer resolutionMinutes,
        List<TicketStatus> pauseOn,
        Integer warningPercent,
        List<String> escalationTarget,
        List<String> escalationMoment,
        List<String> escalationAction,
        List<String> escalationPriority,
        List<String> escalationGroup,
        List<String> escalationAgent,
        Long version) {

    /** How many escalation rows the form offers beyond the rules a policy has. */
    static final int BLANK_ROWS = 2;

    static SlaPolicyForm blank() {
        return new SlaPolicyForm(
                "",
                List.of(),
                List.of(),
                "",
                "",
                null,
                null,
                null,
                null,
                List.copyOf(PolicyRules.PAUSABLE),
                PolicyRules.DEFAULT_WARNING_PERCENT,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                null);
    }

    static SlaPolicyForm of(SlaPolicy policy) {
        PolicyRules r = policy.rules();
        List<EscalationRule> rules = r.escalations();
        return new SlaPolicyForm(
                policy.name(),
                List.copyOf(r.channels()),
                List.copyOf(r.priorities()),
                String.join(
                        ", ",
                        r.organisations().stream().sorted().map(String::valueOf).toList()),
                String.join(", ", r.tags().stream().sorted().toList()),
                r.calendarId(),
                r.firstResponseMinutes(),
                r.nextResponseMinutes(),
                r.resolutionMinutes(),
                List.copyOf(r.pauseOn()),
                r.warningPercent(),
                rules.stream().map(e -> e.target().name()).toList(),
                rules.stream().map(e -> e.moment().name()).toList(),
                rules.stream().map(e -> e.action().name()).toList(),
                rules.stream()
                        .map(e -> e.priority() == null ? "" : e.priority().name())
                        .toList(),
                rules.stream()
                        .map(e -> e.groupId() == null ? "" : e.groupId().toString())
                        .toList(),
                rules.stream()
                        .map(e -> e.agentId() == null ? "" : e.agentId().toString())
                        .toList(),
                policy.version());
    }

    /** The rows the form shows: the rules it has and a few blank ones. */
    public List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        int filled = size(escalationAction);
        for (int i = 0; i < filled + BLANK_ROWS; i++) {
            rows.add(new Row(
                    at(escalationTarget, i),
                    at(escalationMoment, i),
                    at(escalationAction, i),
                    at(escalationPriority, i),
                    at(escalationGroup, i),
                    at(escalationAgent, i)));
        }
        return rows;
    }

    /** One escalation row as the form shows it. */
    record Row(String target, String moment, String action, String priority, String group, String agent) {}

    /**
     * The rules to save; a value that cannot be read becomes {@code null} or is dropped and
     * {@code problems} names its field, so the page can say which one.
     */
    PolicyRules rules(Set<String> problems) {
        List<EscalationRule> escalations = new ArrayList<>();
        for (int i = 0; i < size(escalationAction); i++) {
            String action = at(escalationAction, i);
            if (action.isEmpty()) {
                continue;
            }
            try {
                escalations.add(new EscalationRule(
                        SlaTarget.valueOf(at(escalationTarget, i)),
                        EscalationMoment.valueOf(at(escalationMoment, i)),
                        EscalationAction.valueOf(action),
                        at(escalationPriority, i).isEmpty() ? null : Priority.valueOf(at(escalationPriority, i)),
                        number(at(escalationGroup, i)),
                        number(at(escalationAgent, i))));
            } catch (IllegalArgumentException e) {
                problems.add("escalations");
            }
        }
        Set<Long> organisationIds = new LinkedHashSet<>();
        for (String id : split(organisations)) {
            try {
                organisationIds.add(Long.parseLong(id));
            } catch (NumberFormatException e) {
                problems.add("organisations");
            }
        }
        return new PolicyRules(
                set(channels),
                set(priorities),
                organisationIds,
                new LinkedHashSet<>(split(tags)),
                calendarId == null || calendarId == 0 ? null : calendarId,
                firstResponseMinutes,
                nextResponseMinutes,
                resolutionMinutes,
                set(pauseOn),
                warningPercent == null ? PolicyRules.DEFAULT_WARNING_PERCENT : warningPercent,
                escalations);
    }

    private static <T> Set<T> set(List<T> values) {
        return values == null ? Set.of() : new LinkedHashSet<>(values);
    }

    private static List<String> split(String text) {
        return text == null
                ? List.of()
                : Arrays.stream(text.split(","))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList();
    }

    private static Long number(String text) {
        return text.isEmpty() ? null : Long.valueOf(text);
    }

    private static int size(List<String> values) {
        return values == null ? 0 : values.size();
    }

    private static String at(List<String> values, int i) {
        return values == null || i >= values.size() || values.get(i) == null
                ? ""
                : values.get(i).strip();
    }
}
