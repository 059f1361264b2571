package it.sportello.sla.web;

import it.sportello.sla.EscalationRule;
import it.sportello.sla.PolicyRules;
import it.sportello.ticket.Channel;
import it.sportello.ticket.Priority;
import it.sportello.ticket.TicketStatus;
import java.util.Set;

/**
 * A policy as a client sends it: absent lists ask nothing (or, for {@code pauseOn}, pause on
 * pending and on hold), an absent warning share is 80 %, {@code version} guards an update.
 */
record SlaPolicyRequest(
        String name,
        Set<Channel> channels,
        Set<Priority> priorities,
        Set<Long> organisations,
        Set<String> tags,
        Long calendarId,
        Integer firstResponseMinutes,
        Integer nextResponseMinutes,
        Integer resolutionMinutes,
        Set<TicketStatus> pauseOn,
        Integer warningPercent,
        java.util.List<EscalationRule> escalations,
        Long version) {

    PolicyRules rules() {
        return new PolicyRules(
                channels,
                priorities,
                organisations,
                tags,
                calendarId,
                firstResponseMinutes,
                nextResponseMinutes,
                resolutionMinutes,
                pauseOn == null ? PolicyRules.PAUSABLE : pauseOn,
                warningPercent == null ? PolicyRules.DEFAULT_WARNING_PERCENT : warningPercent,
                escalations);
    }
}
