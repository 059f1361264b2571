package it.sportello.automation;

import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.support.Api;
import it.sportello.support.ApiTestCase;
import it.sportello.support.IntegrationTest;
import it.sportello.ticket.Channel;
import it.sportello.ticket.TicketCreated;
import it.sportello.ticket.TicketManagement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * A ticket event becomes durable trigger work only when a switched-on trigger listens to its kind,
 * decided in the event's own transaction: opening a ticket on a desk with no such trigger stores
 * nothing for the triggers.
 */
@IntegrationTest
@RecordApplicationEvents
class TriggerEventsTests extends ApiTestCase {

    @Autowired
    TicketManagement tickets;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApplicationEvents events;

    private AutomationFixtures rules;

    @BeforeEach
    void fixtures() {
        rules = new AutomationFixtures(api);
        rules.deleteAll();
    }

    @AfterEach
    void removeRules() {
        rules.deleteAll();
    }

    @Test
    void aTicketOpenedWhileNoTriggerListensToCreationLeavesNoTriggerWork() {
        assertThat(activeTriggersOn("ticket_created"))
                .as("the desk starts with none")
                .isZero();

        open("Nessuna regola");

        assertThat(events.stream(TicketCreated.class)).hasSize(1);
        assertThat(events.stream(TriggerDue.class)).isEmpty();
    }

    @Test
    void aTicketOpenedWhileATriggerListensBecomesTriggerWorkOnce() {
        rules.trigger(
                "Ogni nuovo ticket " + Api.unique("r"),
                "ticket_created",
                List.of(AutomationFixtures.condition("channel_is", "email")),
                List.of(AutomationFixtures.action("add_tags", "visto")));
        // One on another event asks nothing of a new ticket.
        rules.trigger(
                "Risposte " + Api.unique("r"),
                "customer_replied",
                List.of(),
                List.of(AutomationFixtures.action("add_tags", "risposta")));

        long ticket = open("Una regola");

        assertThat(events.stream(TriggerDue.class)).singleElement().satisfies(due -> {
            assertThat(due.event()).isEqualTo(TriggerEvent.TICKET_CREATED);
            assertThat(due.ticketId().value()).isEqualTo(ticket);
            assertThat(due.eventKey()).isEqualTo("created:" + ticket);
        });
    }

    private long open(String subject) {
        return tickets.receive(new TicketManagement.NewTicket(
                        subject,
                        new TicketManagement.Requester(null, Api.unique("cliente") + "@example.it", null, null, null),
                        new TicketManagement.Body("Buongiorno", null),
                        Channel.EMAIL,
                        null,
                        List.of(),
                        null,
                        null,
                        List.of()))
                .details()
                .ticket()
                .id()
                .value();
    }

    private int activeTriggersOn(String event) {
        return jdbc.queryForObject(
                "select count(*) from automation_trigger where event = ? and active = true", Integer.class, event);
    }
}
