package it.sportello.routing;

import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.identity.UserId;
import it.sportello.routing.AgentPicker.Candidate;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The order each strategy would pick agents in, without a database. */
class AgentPickerTests {

    private static final Instant EARLY = Instant.parse("2026-03-02T09:00:00Z");
    private static final Instant LATE = Instant.parse("2026-03-02T11:00:00Z");

    private static Candidate agent(long id, long load, Instant last, int score) {
        return new Candidate(new UserId(id), load, last, score);
    }

    private static List<Long> ids(List<UserId> agents) {
        return agents.stream().map(UserId::value).toList();
    }

    @Test
    void roundRobinStartsAfterTheLastPickedAndWrapsRound() {
        List<Candidate> agents = List.of(agent(30, 0, null, 0), agent(10, 0, null, 0), agent(20, 0, null, 0));

        assertThat(ids(AgentPicker.preference(RoutingStrategy.ROUND_ROBIN, agents, null)))
                .containsExactly(10L, 20L, 30L);
        assertThat(ids(AgentPicker.preference(RoutingStrategy.ROUND_ROBIN, agents, new UserId(20))))
                .containsExactly(30L, 10L, 20L);
        assertThat(ids(AgentPicker.preference(RoutingStrategy.ROUND_ROBIN, agents, new UserId(30))))
                .containsExactly(10L, 20L, 30L);
    }

    @Test
    void roundRobinGoesOnAfterALastPickedWhoIsNoLongerACandidate() {
        List<Candidate> agents = List.of(agent(10, 0, null, 0), agent(30, 0, null, 0));

        assertThat(ids(AgentPicker.preference(RoutingStrategy.ROUND_ROBIN, agents, new UserId(20))))
                .containsExactly(30L, 10L);
    }

    @Test
    void leastLoadedPrefersTheLightestThenWhoWaitedLongest() {
        List<Candidate> agents =
                List.of(agent(1, 3, EARLY, 0), agent(2, 1, LATE, 0), agent(3, 1, EARLY, 0), agent(4, 1, null, 0));

        assertThat(ids(AgentPicker.preference(RoutingStrategy.LEAST_LOADED, agents, null)))
                .containsExactly(4L, 3L, 2L, 1L);
    }

    @Test
    void skillBasedPrefersTheBestScoreThenTheLightest() {
        List<Candidate> agents = List.of(agent(1, 5, null, 6), agent(2, 0, null, 4), agent(3, 2, null, 6));

        assertThat(ids(AgentPicker.preference(RoutingStrategy.SKILL_BASED, agents, null)))
                .containsExactly(3L, 1L, 2L);
    }

    @Test
    void manualPicksNobody() {
        assertThat(AgentPicker.preference(RoutingStrategy.MANUAL, List.of(agent(1, 0, null, 0)), null))
                .isEmpty();
    }
}
