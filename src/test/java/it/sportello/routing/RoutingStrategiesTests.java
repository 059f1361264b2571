package it.sportello.routing;

import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.support.ApiTestCase;
import it.sportello.support.Desk;
import it.sportello.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each strategy end to end: tickets opened through the API into a group are handed out by the
 * router listening to the ticket events, and read back through the API.
 */
@IntegrationTest
class RoutingStrategiesTests extends ApiTestCase {

    RoutingDesk routing;

    @BeforeEach
    void routingDesk() {
        routing = new RoutingDesk(api);
    }

    @Test
    void roundRobinCyclesThroughTheAgentsInTurn() {
        List<Desk.Person> agents = List.of(desk.agent(), desk.agent(), desk.agent());
        long group = routing.group(agents.toArray(Desk.Person[]::new));
        agents.forEach(a -> routing.available(a, 10, "email"));
        routing.route(group, "round_robin");

        List<Long> picked = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            picked.add(routing.awaitAssignee(routing.ticket(group, "it")));
        }

        assertThat(picked.subList(0, 3))
                .as("each agent once in the first round")
                .doesNotHaveDuplicates();
        assertThat(picked.subList(3, 6))
                .as("the second round in the same order")
                .isEqualTo(picked.subList(0, 3));
        assertThat(picked).containsOnly(agents.stream().map(Desk.Person::id).toArray(Long[]::new));
    }

    @Test
    void roundRobinSkipsWhoIsAwayOrFull() {
        Desk.Person away = desk.agent();
        Desk.Person full = desk.agent();
        Desk.Person free = desk.agent();
        long group = routing.group(away, full, free);
        routing.available(away, 10, "phone");
        routing.available(full, 1, "email");
        routing.available(free, 10, "email");
        routing.route(group, "round_robin");

        List<Long> picked = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            picked.add(routing.awaitAssignee(routing.ticket(group, "it")));
        }

        assertThat(picked).filteredOn(id -> id == full.id()).hasSize(1);
        assertThat(picked).filteredOn(id -> id == free.id()).hasSize(3);
        assertThat(picked).doesNotContain(away.id());
    }

    @Test
    void leastLoadedPicksTheLightestAndOnATieWhoWaitedLongest() {
        Desk.Person busy = desk.agent();
        Desk.Person light = desk.agent();
        Desk.Person other = desk.agent();
        long group = routing.group(busy, light, other);
        List.of(busy, light, other).forEach(a -> routing.available(a, 10, "email"));
        // Before the group routes by itself: busy holds two tickets, other one, light none.
        long manualGroup = routing.group(busy, light, other);
        routing.assign(routing.ticket(manualGroup, "it"), busy.id());
        routing.assign(routing.ticket(manualGroup, "it"), busy.id());
        routing.assign(routing.ticket(manualGroup, "it"), other.id());
        routing.route(group, "least_loaded");

        assertThat(routing.awaitAssignee(routing.ticket(group, "it"))).isEqualTo(light.id());
        // Light and other hold one each: other has waited longer for a ticket from the router (never had one).
        assertThat(routing.awaitAssignee(routing.ticket(group, "it"))).isEqualTo(other.id());
        // Light one, other and busy two: light is the lightest again.
        assertThat(routing.awaitAssignee(routing.ticket(group, "it"))).isEqualTo(light.id());
    }

    @Test
    void skillBasedGivesTheTicketToWhoSpeaksItsLanguageAndKnowsItsProduct() {
        long italian = routing.skill("language", "it");
        long english = routing.skill("language", "en");
        String product = it.sportello.support.Api.unique("resi").toLowerCase();
        long returns = routing.skill("product", product);
        Desk.Person italianExpert = desk.agent();
        Desk.Person englishNovice = desk.agent();
        Desk.Person englishExpert = desk.agent();
        long group = routing.group(italianExpert, englishNovice, englishExpert);
        List.of(italianExpert, englishNovice, englishExpert).forEach(a -> routing.available(a, 10, "email"));
        routing.skills(italianExpert, italian, 3, returns, 3);
        routing.skills(englishNovice, english, 1, returns, 1);
        routing.skills(englishExpert, english, 3, returns, 2);
        routing.route(group, "skill_based");

        assertThat(routing.awaitAssignee(routing.ticket(group, "en", product)))
                .as("English and the product, best score")
                .isEqualTo(englishExpert.id());
        assertThat(routing.awaitAssignee(routing.ticket(group, "it", product))).isEqualTo(italianExpert.id());
        assertThat(routing.awaitAssignee(routing.ticket(group, "it"))).isEqualTo(italianExpert.id());

        String unknownToAll = it.sportello.support.Api.unique("garanzia").toLowerCase();
        routing.skill("product", unknownToAll);
        routing.assertStaysWaiting(routing.ticket(group, "en", unknownToAll));
    }

    @Test
    void manualLeavesTheTicketInTheQueue() {
        Desk.Person agent = desk.agent();
        long group = routing.group(agent);
        routing.available(agent, 10, "email");
        routing.route(group, "manual");

        long ticket = routing.ticket(group, "it");

        routing.assertStaysWaiting(ticket);
        assertThat(api.get("/api/v1/routing/queues/" + group, agent.token())
                        .json()
                        .get("waiting")
                        .asLong())
                .isEqualTo(1);
    }

    @Test
    void aTicketNobodyFitsWaitsAndGoesToTheFirstAgentWhoBecomesAvailable() {
        Desk.Person agent = desk.agent();
        long group = routing.group(agent);
        routing.route(group, "least_loaded");
        long ticket = routing.ticket(group, "it");
        routing.assertStaysWaiting(ticket);

        routing.available(agent, 5, "email");

        assertThat(routing.awaitAssignee(ticket)).isEqualTo(agent.id());
    }
}
