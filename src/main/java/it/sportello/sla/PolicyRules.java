package it.sportello.sla;

import it.sportello.ticket.Channel;
import it.sportello.ticket.Priority;
import it.sportello.ticket.TicketStatus;
import java.time.Duration;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a service-level policy says. Conditions: a ticket matches when each non-empty list contains
 * its channel, its priority, its requester's organisation, one of its tags (an empty list asks
 * nothing). Targets in minutes of business time on the calendar ({@code calendarId} null: the
 * default calendar), each optional. The clocks pause while the ticket's status is one of
 * {@code pauseOn}; they warn once {@code warningPercent} of their time is used.
 */
public record PolicyRules(
        Set<Channel> channels,
        Set<Priority> priorities,
        Set<Long> organisations,
        Set<String> tags,
        Long calendarId,
        Integer firstResponseMinutes,
        Integer nextResponseMinutes,
        Integer resolutionMinutes,
        Set<TicketStatus> pauseOn,
        int warningPercent,
        List<EscalationRule> escalations) {

    /** The statuses a policy may pause on: waiting on the customer, or on a third party. */
    public static final Set<TicketStatus> PAUSABLE = EnumSet.of(TicketStatus.PENDING, TicketStatus.ON_HOLD);

    public static final int DEFAULT_WARNING_PERCENT = 80;

    public PolicyRules {
        channels = copy(channels);
        priorities = copy(priorities);
        organisations = copy(organisations);
        tags = copy(tags);
        pauseOn = copy(pauseOn);
        escalations = escalations == null ? List.of() : List.copyOf(escalations);
    }

    /** Whether this policy's conditions hold for a ticket like this. */
    public boolean matches(Channel channel, Priority priority, Long organisation, Collection<String> ticketTags) {
        return (channels.isEmpty() || channels.contains(channel))
                && (priorities.isEmpty() || priorities.contains(priority))
                && (organisations.isEmpty() || (organisation != null && organisations.contains(organisation)))
                && (tags.isEmpty() || ticketTags.stream().anyMatch(tags::contains));
    }

    /** Whether the policy applies only to customers of certain organisations. */
    public boolean namesOrganisations() {
        return !organisations.isEmpty();
    }

    /** Whether the policy asks anything of a ticket (a catch-all asks nothing). */
    public boolean hasConditions() {
        return !channels.isEmpty() || !priorities.isEmpty() || !organisations.isEmpty() || !tags.isEmpty();
    }

    /** The business time this target allows, if the policy sets it. */
    public Optional<Duration> target(SlaTarget target) {
        Integer minutes = switch (target) {
            case FIRST_RESPONSE -> firstResponseMinutes;
            case NEXT_RESPONSE -> nextResponseMinutes;
            case RESOLUTION -> resolutionMinutes;
        };
        return Optional.ofNullable(minutes).map(Duration::ofMinutes);
    }

    public List<EscalationRule> escalationsFor(SlaTarget target, EscalationMoment moment) {
        return escalations.stream()
                .filter(rule -> rule.target() == target && rule.moment() == moment)
                .toList();
    }

    private static <T> Set<T> copy(Set<T> values) {
        return values == null ? Set.of() : Set.copyOf(values);
    }
}
