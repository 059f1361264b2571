package it.sportello.sla;

import it.sportello.ticket.Priority;

/**
 * One escalation of a policy: when the clock of {@code target} reaches {@code moment}, do
 * {@code action}. {@code priority} is the level a raise goes to (null: one step up); a reassignment
 * names a group, an agent or both.
 */
public record EscalationRule(
        SlaTarget target,
        EscalationMoment moment,
        EscalationAction action,
        Priority priority,
        Long groupId,
        Long agentId) {}
