package it.sportello.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.sportello.shared.NotFoundException;
import it.sportello.support.ApiTestCase;
import it.sportello.support.IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Notices reach their recipient only, count as unread until read, and find a group's supervisors. */
@IntegrationTest
class NotificationsTests extends ApiTestCase {

    @Autowired
    Notifications notifications;

    @Autowired
    UserManagement users;

    @Test
    void aNoticeIsTheRecipientsAloneUntilRead() {
        UserId agent = new UserId(desk.agent().id());
        UserId colleague = new UserId(desk.agent().id());

        notifications.notify(agent, "sla.notice.test", List.of("Ordine\nnon arrivato", "42"), "/tickets/42");

        assertThat(notifications.unread(agent)).isEqualTo(1);
        assertThat(notifications.unread(colleague)).isZero();
        Notification notice = notifications.latest(agent, 10).getFirst();
        assertThat(notice.arguments()).containsExactly("Ordine non arrivato", "42");
        assertThat(notice.link()).contains("/tickets/42");
        assertThatThrownBy(() -> notifications.markRead(colleague, notice.id())).isInstanceOf(NotFoundException.class);
        notifications.markRead(agent, notice.id());
        assertThat(notifications.unread(agent)).isZero();
    }

    @Test
    void aGroupsSupervisorsAreItsSupervisingMembers() {
        UserId agent = new UserId(desk.agent().id());
        UserId lead = new UserId(desk.supervisor().id());
        AgentGroup team = users.createGroup("Resi " + System.nanoTime(), null, List.of(agent, lead));

        assertThat(notifications.supervisorsOf(team.id())).containsExactly(lead);
        AgentGroup agentsOnly = users.createGroup("Solo agenti " + System.nanoTime(), null, List.of(agent));
        assertThat(notifications.supervisorsOf(agentsOnly.id()))
                .as("a group without a supervisor falls back to every supervisor")
                .contains(lead)
                .doesNotContain(agent);
    }
}
