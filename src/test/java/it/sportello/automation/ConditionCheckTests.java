package it.sportello.automation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import it.sportello.customer.Customer;
import it.sportello.customer.CustomerId;
import it.sportello.customer.Organisation;
import it.sportello.shared.SupportedLocale;
import it.sportello.sla.BusinessCalendar;
import it.sportello.sla.CalendarId;
import it.sportello.sla.Calendars;
import it.sportello.ticket.Channel;
import it.sportello.ticket.Priority;
import it.sportello.ticket.Ticket;
import it.sportello.ticket.TicketId;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each kind of condition on its own, and how "all" and "any" combine them. */
class ConditionCheckTests {

    private static final ZoneId ROME = ZoneId.of("Europe/Rome");
    /** Tuesday 2 June 2026, 10:00 in Rome: the Festa della Repubblica, a holiday. */
    private static final Instant HOLIDAY_MORNING = Instant.parse("2026-06-02T08:00:00Z");
    /** Wednesday 3 June 2026, 10:00 in Rome: an ordinary working morning. */
    private static final Instant WORKING_MORNING = Instant.parse("2026-06-03T08:00:00Z");

    private ConditionCheck check;
    private Customer customer;
    private Ticket ticket;

    @BeforeEach
    void setUp() {
        Calendars calendars = mock(Calendars.class);
        when(calendars.businessCalendar(null)).thenReturn(BusinessCalendar.officeHours(ROME));
        when(calendars.businessCalendar(new CalendarId(2))).thenReturn(BusinessCalendar.aroundTheClock(ROME));
        check = new ConditionCheck(calendars);
        customer = mock(Customer.class);
        Organisation organisation = mock(Organisation.class);
        when(organisation.name()).thenReturn("Bottega Verde S.r.l.");
        when(customer.primaryEmail()).thenReturn(Optional.of("anna.conti@Example.IT"));
        when(customer.organisation()).thenReturn(Optional.of(organisation));
        when(customer.locale()).thenReturn(SupportedLocale.EN);
        ticket = new Ticket(
                new TicketId(7),
                "Perché il pacco è in ritardo?",
                new CustomerId(3),
                Channel.EMAIL,
                Priority.HIGH,
                null,
                List.of("Consegna", "vip"),
                WORKING_MORNING);
    }

    @Test
    void channelPriorityAndStatusMatchAnyOfTheirListedValues() {
        assertThat(holds("channel_is", "web, email")).isTrue();
        assertThat(holds("channel_is", "chat")).isFalse();
        assertThat(holds("priority_is", "high,urgent")).isTrue();
        assertThat(holds("priority_is", "low")).isFalse();
        assertThat(holds("status_is", "new")).isTrue();
        assertThat(holds("status_is", "pending, on_hold")).isFalse();
    }

    @Test
    void tagsContainOrNotIgnoringCase() {
        assertThat(holds("tags_contain", "CONSEGNA")).isTrue();
        assertThat(holds("tags_contain", "reso, vip")).isTrue();
        assertThat(holds("tags_contain", "reso")).isFalse();
        assertThat(holds("tags_dont_contain", "reso, spam")).isTrue();
        assertThat(holds("tags_dont_contain", "spam, vip")).isFalse();
    }

    @Test
    void textIsFoundInTheSubjectOrTheMessageBlindToCaseAndAccents() {
        assertThat(holds("text_contains", "PERCHE il pacco")).isTrue();
        assertThat(holds("text_contains", "rimborso")).isTrue();
        assertThat(holds("text_contains", "fattura")).isFalse();
    }

    @Test
    void customerFieldsAreTheEmailDomainTheOrganisationAndTheLanguage() {
        assertThat(holds("email_domain_is", "@example.it")).isTrue();
        assertThat(holds("email_domain_is", "example.com")).isFalse();
        assertThat(holds("organisation_is", "bottega verde s.r.l.")).isTrue();
        assertThat(holds("organisation_is", "Altra SpA")).isFalse();
        assertThat(holds("language_is", "en")).isTrue();
        assertThat(holds("language_is", "it")).isFalse();
    }

    @Test
    void businessHoursFollowTheDefaultCalendarOrTheOneNamed() {
        assertThat(holdsAt("inside_business_hours", null, WORKING_MORNING)).isTrue();
        assertThat(holdsAt("outside_business_hours", null, WORKING_MORNING)).isFalse();
        assertThat(holdsAt("inside_business_hours", null, HOLIDAY_MORNING)).isFalse();
        assertThat(holdsAt("outside_business_hours", null, HOLIDAY_MORNING)).isTrue();
        assertThat(holdsAt("inside_business_hours", "2", HOLIDAY_MORNING)).isTrue();
    }

    @Test
    void allMustHoldUnlessAnyIsAsked() {
        List<Condition> conditions = List.of(
                new Condition(ConditionKind.CHANNEL_IS, "email"), new Condition(ConditionKind.PRIORITY_IS, "low"));
        TicketFacts facts = facts(WORKING_MORNING);
        assertThat(check.passes(conditions, false, facts)).isFalse();
        assertThat(check.passes(conditions, true, facts)).isTrue();
        assertThat(check.passes(List.of(), false, facts))
                .as("no conditions: every ticket")
                .isTrue();
    }

    private boolean holds(String kind, String value) {
        return holdsAt(kind, value, WORKING_MORNING);
    }

    private boolean holdsAt(String kind, String value, Instant at) {
        return check.holds(new Condition(ConditionKind.fromCode(kind), value), facts(at));
    }

    private TicketFacts facts(Instant at) {
        return new TicketFacts(ticket, customer, "Vorrei un rimborso, grazie.", at);
    }
}
