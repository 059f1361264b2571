package it.sportello.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Business time by hand-counted examples: weekends, the Italian holidays (Easter Monday moves, 4
 * October counts from 2026), a company's own days and special hours, split shifts, and the two
 * daylight-saving changes of Europe/Rome.
 */
class BusinessCalendarTests {

    private static final ZoneId ROME = ZoneId.of("Europe/Rome");
    private static final BusinessCalendar OFFICE = BusinessCalendar.officeHours(ROME);

    private static Instant rome(int year, int month, int day, int hour, int minute) {
        return LocalDateTime.of(year, month, day, hour, minute).atZone(ROME).toInstant();
    }

    @Test
    void easterMondayFollowsTheComputusAndSaintFrancisCountsFrom2026() {
        assertThat(ItalianHolidays.easterSunday(2024)).isEqualTo(LocalDate.of(2024, 3, 31));
        assertThat(ItalianHolidays.easterSunday(2025)).isEqualTo(LocalDate.of(2025, 4, 20));
        assertThat(ItalianHolidays.easterSunday(2026)).isEqualTo(LocalDate.of(2026, 4, 5));
        assertThat(ItalianHolidays.easterSunday(2027)).isEqualTo(LocalDate.of(2027, 3, 28));
        assertThat(ItalianHolidays.of(2026)).contains(LocalDate.of(2026, 4, 6), LocalDate.of(2026, 10, 4));
        assertThat(ItalianHolidays.of(2025))
                .contains(LocalDate.of(2025, 4, 21))
                .doesNotContain(LocalDate.of(2025, 10, 4));
        assertThat(ItalianHolidays.of(2026)).hasSize(12);
    }

    @Test
    void aFridayEveningEightHoursFallDueOnMondayMorning() {
        // Friday 20 November 2026, 17:00: one hour that day, seven on Monday (09:00-16:00)
        assertThat(OFFICE.plus(rome(2026, 11, 20, 17, 0), Duration.ofHours(8))).isEqualTo(rome(2026, 11, 23, 16, 0));
        // Saturday night: the clock starts on Monday at 09:00
        assertThat(OFFICE.plus(rome(2026, 11, 21, 23, 0), Duration.ofHours(2))).isEqualTo(rome(2026, 11, 23, 11, 0));
        assertThat(OFFICE.between(rome(2026, 11, 20, 17, 0), rome(2026, 11, 23, 16, 0)))
                .isEqualTo(Duration.ofHours(8));
    }

    @Test
    void holidaysAreSkipped() {
        // Thursday 24 December 2026 at 17:00; 25 and 26 are holidays, 27 a Sunday: due Monday 28 at 16:00
        assertThat(OFFICE.plus(rome(2026, 12, 24, 17, 0), Duration.ofHours(8))).isEqualTo(rome(2026, 12, 28, 16, 0));
        // Easter Monday 6 April 2026: Friday 3 April at 18:00 plus 1 hour is Tuesday 7 at 10:00
        assertThat(OFFICE.plus(rome(2026, 4, 3, 18, 0), Duration.ofHours(1))).isEqualTo(rome(2026, 4, 7, 10, 0));
        // 4 October 2027 is a Monday and a holiday now
        assertThat(OFFICE.isOpen(rome(2027, 10, 4, 10, 0))).isFalse();
        assertThat(OFFICE.isOpen(rome(2027, 10, 5, 10, 0))).isTrue();
    }

    @Test
    void splitShiftsCountOnlyTheirHoursAndCompanyDaysAndSpecialHoursApply() {
        Map<DayOfWeek, List<BusinessCalendar.Period>> week = Map.of(
                DayOfWeek.MONDAY,
                List.of(
                        new BusinessCalendar.Period(LocalTime.of(14, 0), LocalTime.of(18, 0)),
                        new BusinessCalendar.Period(LocalTime.of(9, 0), LocalTime.of(13, 0))),
                DayOfWeek.TUESDAY,
                List.of(new BusinessCalendar.Period(LocalTime.of(9, 0), LocalTime.of(13, 0))));
        LocalDate patron = LocalDate.of(2026, 12, 1); // a Tuesday: the town's patron saint
        LocalDate shortDay = LocalDate.of(2026, 12, 7); // a Monday with morning hours only
        BusinessCalendar shop = new BusinessCalendar(
                ROME,
                week,
                true,
                Set.of(patron),
                Map.of(shortDay, List.of(new BusinessCalendar.Period(LocalTime.of(9, 0), LocalTime.of(11, 0)))));
        // Monday 30 November 12:00: 1 h before lunch, 4 h after; Tuesday 1 is closed; Monday 7 has 2 h
        assertThat(shop.plus(rome(2026, 11, 30, 12, 0), Duration.ofHours(6))).isEqualTo(rome(2026, 12, 7, 10, 0));
        assertThat(shop.isOpen(rome(2026, 11, 30, 13, 30))).isFalse();
        assertThat(shop.between(rome(2026, 11, 30, 0, 0), rome(2026, 12, 8, 0, 0)))
                .isEqualTo(Duration.ofHours(10));
    }

    @Test
    void daylightSavingChangesMakeTheirDayShorterOrLonger() {
        BusinessCalendar always = BusinessCalendar.aroundTheClock(ROME);
        // 29 March 2026: 02:00 becomes 03:00, the day has 23 hours
        assertThat(always.between(rome(2026, 3, 29, 0, 0), rome(2026, 3, 30, 0, 0)))
                .isEqualTo(Duration.ofHours(23));
        // 25 October 2026: 03:00 goes back to 02:00, the day has 25 hours
        assertThat(always.between(rome(2026, 10, 25, 0, 0), rome(2026, 10, 26, 0, 0)))
                .isEqualTo(Duration.ofHours(25));
        // Two minutes of chat across the spring change land two real minutes later
        Instant before = rome(2026, 3, 29, 1, 59);
        assertThat(always.plus(before, Duration.ofMinutes(2))).isEqualTo(before.plus(Duration.ofMinutes(2)));
        // A night shift 01:00-04:00 works two hours that night, not three
        BusinessCalendar night = new BusinessCalendar(
                ROME,
                Map.of(DayOfWeek.SUNDAY, List.of(new BusinessCalendar.Period(LocalTime.of(1, 0), LocalTime.of(4, 0)))),
                false,
                Set.of(),
                Map.of());
        assertThat(night.between(rome(2026, 3, 29, 0, 0), rome(2026, 3, 30, 0, 0)))
                .isEqualTo(Duration.ofHours(2));
    }

    @Test
    void badCalendarsAreRefused() {
        assertThatThrownBy(() -> new BusinessCalendar.Period(LocalTime.of(18, 0), LocalTime.of(9, 0)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BusinessCalendar(
                        ROME,
                        Map.of(
                                DayOfWeek.MONDAY,
                                List.of(
                                        new BusinessCalendar.Period(LocalTime.of(9, 0), LocalTime.of(13, 0)),
                                        new BusinessCalendar.Period(LocalTime.of(12, 0), LocalTime.of(18, 0)))),
                        true,
                        Set.of(),
                        Map.of()))
                .hasMessageContaining("overlap");
        BusinessCalendar never = new BusinessCalendar(ROME, Map.of(), false, Set.of(), Map.of());
        assertThatThrownBy(() -> never.plus(Instant.parse("2026-01-01T00:00:00Z"), Duration.ofMinutes(1)))
                .isInstanceOf(IllegalStateException.class);
    }
}
