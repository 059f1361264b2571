package it.sportello.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** How one ticket is judged against a threshold, and how counts become a share. */
class ComplianceOutcomeTests {

    private static final BusinessCalendar OFFICE = BusinessCalendar.officeHours(ZoneId.of("Europe/Rome"));
    private static final Duration EIGHT_HOURS = Duration.ofHours(8);

    @Test
    void anAnswerOnTheNextWorkingDayAfterAWeekendIsInTime() {
        // Friday 2026-12-11 17:00 Rome (16:00Z): 1 business hour that day, Monday 09:00-15:59 Rome: 6 h 59.
        Instant friday = Instant.parse("2026-12-11T16:00:00Z");
        Instant monday = Instant.parse("2026-12-14T14:59:00Z");

        assertThat(ComplianceOutcome.judge(friday, monday, EIGHT_HOURS, OFFICE, monday))
                .isEqualTo(ComplianceOutcome.MET);
        assertThat(ComplianceOutcome.judge(friday, monday, EIGHT_HOURS, null, monday))
                .isEqualTo(ComplianceOutcome.MISSED);
    }

    @Test
    void theChangeToWinterTimeCountsTheHoursOnTheWall() {
        // Friday 2026-10-23 16:00 Rome is 14:00Z (summer time); clocks go back on Sunday 25, so on Monday 26
        // 09:00 Rome is 08:00Z and 15:00 Rome is 14:00Z: 2 h on Friday and 6 h on Monday make 8 h.
        Instant friday = Instant.parse("2026-10-23T14:00:00Z");
        Instant monday = Instant.parse("2026-10-26T14:00:00Z");

        assertThat(ComplianceOutcome.judge(friday, monday, EIGHT_HOURS, OFFICE, monday))
                .isEqualTo(ComplianceOutcome.MET);
        assertThat(ComplianceOutcome.judge(friday, monday.plusSeconds(60), EIGHT_HOURS, OFFICE, monday.plusSeconds(60)))
                .isEqualTo(ComplianceOutcome.MISSED);
    }

    @Test
    void withoutTheEventItIsPendingUntilTheThresholdPassesThenMissed() {
        Instant opened = Instant.parse("2026-12-11T13:00:00Z"); // Friday 14:00 Rome: 4 business hours that day

        assertThat(ComplianceOutcome.judge(opened, null, EIGHT_HOURS, OFFICE, Instant.parse("2026-12-13T20:00:00Z")))
                .as("the weekend does not count")
                .isEqualTo(ComplianceOutcome.PENDING);
        assertThat(ComplianceOutcome.judge(opened, null, EIGHT_HOURS, OFFICE, Instant.parse("2026-12-14T12:00:00Z")))
                .as("Monday 13:00 Rome: exactly 8 hours")
                .isEqualTo(ComplianceOutcome.PENDING);
        assertThat(ComplianceOutcome.judge(opened, null, EIGHT_HOURS, OFFICE, Instant.parse("2026-12-14T12:01:00Z")))
                .isEqualTo(ComplianceOutcome.MISSED);
    }

    @Test
    void theShareIsOfTheDecidedOnesWithOneDecimal() {
        assertThat(new ComplianceFigures(2, 1, 5).share()).isEqualByComparingTo("66.7");
        assertThat(new ComplianceFigures(1, 2, 0).share()).isEqualByComparingTo("33.3");
        assertThat(new ComplianceFigures(0, 0, 3).share()).isNull();
        assertThat(new ComplianceFigures(0, 0, 3).meets(new BigDecimal("90"))).isNull();
        assertThat(new ComplianceFigures(19, 1, 0).meets(new BigDecimal("95"))).isTrue();
        assertThat(new ComplianceFigures(18, 1, 0).meets(new BigDecimal("95"))).isFalse();
    }
}
