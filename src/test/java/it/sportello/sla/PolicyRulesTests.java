package it.sportello.sla;

import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.ticket.Channel;
import it.sportello.ticket.Priority;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A policy's conditions: each kind that lists something must hold, one value of a kind is enough. */
class PolicyRulesTests {

    private static PolicyRules rules(
            Set<Channel> channels, Set<Priority> priorities, Set<Long> orgs, Set<String> tags) {
        return new PolicyRules(
                channels, priorities, orgs, tags, null, 60, null, null, PolicyRules.PAUSABLE, 80, List.of());
    }

    @Test
    void aPolicyWithoutConditionsMatchesEveryTicket() {
        PolicyRules any = rules(Set.of(), Set.of(), Set.of(), Set.of());
        assertThat(any.hasConditions()).isFalse();
        assertThat(any.matches(Channel.PHONE, Priority.LOW, null, Set.of())).isTrue();
    }

    @Test
    void matchesByChannel() {
        PolicyRules chat = rules(Set.of(Channel.CHAT, Channel.SOCIAL), Set.of(), Set.of(), Set.of());
        assertThat(chat.matches(Channel.CHAT, Priority.NORMAL, null, Set.of())).isTrue();
        assertThat(chat.matches(Channel.SOCIAL, Priority.NORMAL, null, Set.of()))
                .isTrue();
        assertThat(chat.matches(Channel.EMAIL, Priority.NORMAL, null, Set.of())).isFalse();
    }

    @Test
    void matchesByPriorityAndChannelTogether() {
        PolicyRules urgentMail =
                rules(Set.of(Channel.EMAIL), Set.of(Priority.URGENT, Priority.HIGH), Set.of(), Set.of());
        assertThat(urgentMail.matches(Channel.EMAIL, Priority.HIGH, null, Set.of()))
                .isTrue();
        assertThat(urgentMail.matches(Channel.EMAIL, Priority.NORMAL, null, Set.of()))
                .isFalse();
        assertThat(urgentMail.matches(Channel.WEB, Priority.URGENT, null, Set.of()))
                .isFalse();
    }

    @Test
    void matchesByOrganisationOnlyWhenTheRequesterBelongsToOne() {
        PolicyRules acme = rules(Set.of(), Set.of(), Set.of(7L), Set.of());
        assertThat(acme.matches(Channel.EMAIL, Priority.NORMAL, 7L, Set.of())).isTrue();
        assertThat(acme.matches(Channel.EMAIL, Priority.NORMAL, 8L, Set.of())).isFalse();
        assertThat(acme.matches(Channel.EMAIL, Priority.NORMAL, null, Set.of())).isFalse();
    }

    @Test
    void matchesWhenTheTicketHasAnyOfTheTags() {
        PolicyRules vip = rules(Set.of(), Set.of(), Set.of(), Set.of("vip", "contratto-gold"));
        assertThat(vip.matches(Channel.EMAIL, Priority.NORMAL, null, Set.of("fattura", "vip")))
                .isTrue();
        assertThat(vip.matches(Channel.EMAIL, Priority.NORMAL, null, Set.of("fattura")))
                .isFalse();
    }

    @Test
    void givesOnlyTheTargetsItSets() {
        PolicyRules rules = rules(Set.of(), Set.of(), Set.of(), Set.of());
        assertThat(rules.target(SlaTarget.FIRST_RESPONSE)).contains(Duration.ofHours(1));
        assertThat(rules.target(SlaTarget.NEXT_RESPONSE)).isEmpty();
        assertThat(rules.target(SlaTarget.RESOLUTION)).isEmpty();
    }
}
