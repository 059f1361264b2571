package it.sportello.routing;

import it.sportello.identity.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The order in which a strategy would give a ticket to the agents who may take it (available on
 * its channel, with the skills it needs, with room): the first is picked unless, once locked, they
 * turn out to be full after all. Pure, so each strategy is tested without a database.
 */
final class AgentPicker {

    private AgentPicker() {}

    /**
     * An agent who may take the ticket: their open tickets, when they were last given one (null:
     * never) and how well their skills fit it (the sum of the levels of the skills it needs).
     */
    record Candidate(UserId agent, long load, Instant lastAssignedAt, int score) {}

    private static final Comparator<Candidate> LIGHTEST_THEN_LONGEST_WAITING = Comparator.comparingLong(Candidate::load)
            .thenComparing(Candidate::lastAssignedAt, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparingLong(c -> c.agent().value());

    static List<UserId> preference(RoutingStrategy strategy, List<Candidate> candidates, UserId lastPicked) {
        return switch (strategy) {
            case MANUAL -> List.of();
            case ROUND_ROBIN -> roundRobin(candidates, lastPicked);
            case LEAST_LOADED ->
                candidates.stream()
                        .sorted(LIGHTEST_THEN_LONGEST_WAITING)
                        .map(Candidate::agent)
                        .toList();
            case SKILL_BASED ->
                candidates.stream()
                        .sorted(Comparator.comparingInt(Candidate::score)
                                .reversed()
                                .thenComparing(LIGHTEST_THEN_LONGEST_WAITING))
                        .map(Candidate::agent)
                        .toList();
        };
    }

    /** Agents in a fixed order (by id), starting after the one picked last and wrapping round. */
    private static List<UserId> roundRobin(List<Candidate> candidates, UserId lastPicked) {
        List<UserId> ordered = candidates.stream()
                .map(Candidate::agent)
                .sorted(Comparator.comparingLong(UserId::value))
                .toList();
        if (lastPicked == null) {
            return ordered;
        }
        List<UserId> after = new ArrayList<>();
        List<UserId> upTo = new ArrayList<>();
        for (UserId agent : ordered) {
            (agent.value() > lastPicked.value() ? after : upTo).add(agent);
        }
        after.addAll(upTo);
        return after;
    }
}
