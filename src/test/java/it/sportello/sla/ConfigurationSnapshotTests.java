package it.sportello.sla;

import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.support.IntegrationTest;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Configuration kept between ticket events is read again as soon as its table changes, whoever
 * changed it: the changes here are written in plain SQL, as another node (or an operator) would.
 */
@IntegrationTest
class ConfigurationSnapshotTests {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Calendars calendars;

    @Test
    void readsTheTablesOnceWhileNothingChangesAndAgainAfterAnInsertAnUpdateOrADeleteInAnyOfThem() {
        AtomicInteger reads = new AtomicInteger();
        ConfigurationSnapshot<Integer> rows = new ConfigurationSnapshot<>(
                jdbc,
                () -> {
                    reads.incrementAndGet();
                    return jdbc.queryForObject("select count(*) from sla_calendar", Integer.class);
                },
                "sla_policy",
                "sla_calendar");

        int before = rows.get();
        rows.get();
        assertThat(reads).as("unchanged: read once").hasValue(1);

        ServiceCalendar added = calendars.create("Snapshot " + UUID.randomUUID(), aroundTheClock());
        assertThat(rows.get()).as("a row added").isEqualTo(before + 1);
        assertThat(reads).hasValue(2);

        jdbc.update(
                "update sla_calendar set name = ?, version = version + 1 where id = ?",
                "Rinominato " + UUID.randomUUID(),
                added.id().value());
        rows.get();
        assertThat(reads).as("a row changed").hasValue(3);

        jdbc.update("delete from sla_calendar where id = ?", added.id().value());
        assertThat(rows.get()).as("a row deleted").isEqualTo(before);
        assertThat(reads).hasValue(4);
    }

    @Test
    void aCalendarChangedInTheDatabaseCountsAtTheNextEvent() {
        ServiceCalendar calendar = calendars.create("Cambia " + UUID.randomUUID(), aroundTheClock());
        Instant saturdayNight = Instant.parse("2027-01-09T22:00:00Z");
        assertThat(calendars.businessCalendar(calendar.id()).plus(saturdayNight, Duration.ofHours(1)))
                .as("around the clock")
                .isEqualTo(saturdayNight.plus(Duration.ofHours(1)));

        // Another node makes it office hours (the definition of the out-of-the-box calendar).
        jdbc.update(
                "update sla_calendar set definition = (select definition from sla_calendar where id = 1),"
                        + " version = version + 1 where id = ?",
                calendar.id().value());

        // Office hours in Rome: Saturday 23:00 plus 1 business hour is Monday 10:00 (UTC+1).
        assertThat(calendars.businessCalendar(calendar.id()).plus(saturdayNight, Duration.ofHours(1)))
                .isEqualTo(Instant.parse("2027-01-11T09:00:00Z"));
        assertThat(calendars.counting().aroundTheClock(calendar.id())).isFalse();
    }

    private static CalendarDefinition aroundTheClock() {
        Map<DayOfWeek, List<BusinessCalendar.Period>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            week.put(day, List.of(new BusinessCalendar.Period(LocalTime.MIDNIGHT, null)));
        }
        return new CalendarDefinition("Europe/Rome", week, false, Set.of(), Map.of());
    }
}
