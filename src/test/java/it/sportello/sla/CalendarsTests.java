package it.sportello.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.sportello.shared.ConflictException;
import it.sportello.shared.InvalidInputException;
import it.sportello.sla.BusinessCalendar.Period;
import it.sportello.support.IntegrationTest;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Stored calendars come back as they were saved, the out-of-the-box one counts office hours, bad ones are refused whole. */
@IntegrationTest
class CalendarsTests {

    @Autowired
    Calendars calendars;

    @Test
    void theDefaultCalendarIsOfficeHoursInRomeWithTheItalianHolidays() {
        BusinessCalendar office = calendars.businessCalendar(null);

        // Friday 17:00 in Rome plus 2 business hours is Monday 10:00 (winter time, UTC+1).
        Instant friday = Instant.parse("2026-12-11T16:00:00Z");
        assertThat(office.plus(friday, Duration.ofHours(2))).isEqualTo(Instant.parse("2026-12-14T09:00:00Z"));
        // Christmas is closed: 24 December 17:00 plus 2 hours is 28 December 10:00 (26 and 27 are the weekend).
        assertThat(office.plus(Instant.parse("2026-12-24T16:00:00Z"), Duration.ofHours(2)))
                .isEqualTo(Instant.parse("2026-12-28T09:00:00Z"));
    }

    @Test
    void keepsASplitShiftCalendarWithItsOwnDays() {
        String name = "Telefono " + UUID.randomUUID();
        CalendarDefinition definition = new CalendarDefinition(
                "Europe/Rome",
                Map.of(
                        DayOfWeek.MONDAY,
                        List.of(
                                new Period(LocalTime.of(9, 0), LocalTime.of(13, 0)),
                                new Period(LocalTime.of(14, 0), LocalTime.of(18, 0)))),
                true,
                Set.of(LocalDate.of(2027, 6, 24)),
                Map.of(LocalDate.of(2027, 6, 28), List.of(new Period(LocalTime.of(9, 0), LocalTime.of(12, 0)))));

        ServiceCalendar saved = calendars.create(name, definition);
        ServiceCalendar read = calendars.get(saved.id());

        assertThat(read.name()).isEqualTo(name);
        assertThat(read.definition()).isEqualTo(definition);
        assertThat(read.calendar().periodsOn(LocalDate.of(2027, 6, 28)))
                .containsExactly(new Period(LocalTime.of(9, 0), LocalTime.of(12, 0)));
        assertThat(read.isDefault()).isFalse();
    }

    @Test
    void refusesAnUnknownZoneADuplicateNameAndAStaleSave() {
        String name = "Chat " + UUID.randomUUID();
        CalendarDefinition week = new CalendarDefinition(
                "Europe/Rome",
                Map.of(DayOfWeek.SATURDAY, List.of(new Period(LocalTime.of(10, 0), null))),
                false,
                Set.of(),
                Map.of());
        ServiceCalendar saved = calendars.create(name, week);

        assertThatThrownBy(() -> calendars.create(name.toUpperCase(), week))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("name");
        assertThatThrownBy(() -> calendars.create(
                        name + " bis", new CalendarDefinition("Europe/Roma", Map.of(), false, null, null)))
                .isInstanceOf(InvalidInputException.class);
        calendars.update(saved.id(), name + " nuovo", week, saved.version());
        assertThatThrownBy(() -> calendars.update(saved.id(), name + " vecchio", week, saved.version()))
                .isInstanceOf(ConflictException.class);
        assertThat(calendars.get(saved.id()).name()).isEqualTo(name + " nuovo");
    }
}
