package it.sportello.sla;

import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.ticket.TicketId;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** A clock's arithmetic: due and warning times, pauses that move them, one warning and one breach per cycle. */
class SlaClockTests {

    private static final ZoneId ROME = ZoneId.of("Europe/Rome");
    private static final BusinessCalendar ALWAYS = BusinessCalendar.aroundTheClock(ROME);
    private static final BusinessCalendar OFFICE = BusinessCalendar.officeHours(ROME);
    // Monday 7 December 2026, 10:00 in Rome (UTC+1).
    private static final Instant MONDAY_10 = Instant.parse("2026-12-07T09:00:00Z");

    /** A clock stopped at once, so each test starts it when and on what calendar it likes. */
    private static SlaClock clock(Duration allowed, int warningPercent) {
        SlaClock c = new SlaClock(
                new TicketId(1),
                SlaTarget.FIRST_RESPONSE,
                new CalendarId(2),
                allowed,
                warningPercent,
                MONDAY_10,
                ALWAYS);
        c.stop(MONDAY_10, ALWAYS);
        return c;
    }

    @Test
    void fallsDueAfterItsBusinessTimeAndWarnsAtItsShare() {
        SlaClock c = clock(Duration.ofHours(8), 80);
        c.start(MONDAY_10.plus(Duration.ofHours(5)), OFFICE);

        // From Monday 15:00: 3 business hours on Monday, none on Tuesday 8 December (Immacolata),
        // 5 on Wednesday, so Wednesday 14:00 in Rome; 80 % (6 h 24 min) is Wednesday 12:24.
        assertThat(c.dueAt()).contains(Instant.parse("2026-12-09T13:00:00Z"));
        assertThat(c.warnAt()).contains(Instant.parse("2026-12-09T11:24:00Z"));
    }

    @Test
    void aPauseMovesTheDueTimeByTheTimeItLasted() {
        SlaClock c = clock(Duration.ofMinutes(60), 80);
        c.start(MONDAY_10, ALWAYS);
        Instant due = c.dueAt().orElseThrow();

        c.pause(MONDAY_10.plus(Duration.ofMinutes(20)), ALWAYS);
        assertThat(c.dueAt()).isEmpty();
        assertThat(c.usedBeforeThisRun()).isEqualTo(Duration.ofMinutes(20));
        c.resume(MONDAY_10.plus(Duration.ofMinutes(20 + 45)), ALWAYS);

        assertThat(c.dueAt()).contains(due.plus(Duration.ofMinutes(45)));
    }

    @Test
    void aPauseOutsideBusinessHoursMovesNothingThatWasNotCounting() {
        SlaClock c = clock(Duration.ofHours(2), 80);
        // Friday 17:00: one business hour today, one on Monday.
        Instant friday17 = Instant.parse("2026-12-11T16:00:00Z");
        c.start(friday17, OFFICE);
        assertThat(c.dueAt()).contains(Instant.parse("2026-12-14T09:00:00Z"));

        // Paused from Friday 18:30 to Saturday noon: closed hours, so Monday 10:00 still.
        c.pause(Instant.parse("2026-12-11T17:30:00Z"), OFFICE);
        c.resume(Instant.parse("2026-12-12T11:00:00Z"), OFFICE);

        assertThat(c.dueAt()).contains(Instant.parse("2026-12-14T09:00:00Z"));
    }

    @Test
    void warnsAndBreachesOnceEach() {
        SlaClock c = clock(Duration.ofMinutes(10), 50);
        c.start(MONDAY_10, ALWAYS);

        assertThat(c.warn(MONDAY_10.plus(Duration.ofMinutes(4))))
                .as("too early")
                .isFalse();
        assertThat(c.warn(MONDAY_10.plus(Duration.ofMinutes(5)))).isTrue();
        assertThat(c.warn(MONDAY_10.plus(Duration.ofMinutes(6)))).as("again").isFalse();
        assertThat(c.breach(MONDAY_10.plus(Duration.ofMinutes(9))))
                .as("too early")
                .isFalse();
        assertThat(c.breach(MONDAY_10.plus(Duration.ofMinutes(10)))).isTrue();
        assertThat(c.breach(MONDAY_10.plus(Duration.ofMinutes(11)))).as("again").isFalse();
        assertThat(c.breached()).isTrue();
    }

    @Test
    void aStoppedOrPausedClockNeitherWarnsNorBreaches() {
        SlaClock paused = clock(Duration.ofMinutes(10), 50);
        paused.start(MONDAY_10, ALWAYS);
        paused.pause(MONDAY_10.plus(Duration.ofMinutes(1)), ALWAYS);
        SlaClock stopped = clock(Duration.ofMinutes(10), 50);
        stopped.start(MONDAY_10, ALWAYS);
        stopped.stop(MONDAY_10.plus(Duration.ofMinutes(1)), ALWAYS);

        Instant late = MONDAY_10.plus(Duration.ofHours(1));
        assertThat(paused.warn(late)).isFalse();
        assertThat(paused.breach(late)).isFalse();
        assertThat(stopped.warn(late)).isFalse();
        assertThat(stopped.breach(late)).isFalse();
        assertThat(stopped.breached()).isFalse();
    }

    @Test
    void aNewCycleMayBreachAgainAndRemembersTheEarlierBreach() {
        SlaClock c = clock(Duration.ofMinutes(10), 80);
        c.start(MONDAY_10, ALWAYS);
        assertThat(c.breach(MONDAY_10.plus(Duration.ofMinutes(10)))).isTrue();
        c.stop(MONDAY_10.plus(Duration.ofMinutes(12)), ALWAYS);

        Instant again = MONDAY_10.plus(Duration.ofMinutes(30));
        c.start(again, ALWAYS);
        assertThat(c.breachedInCycle()).isFalse();
        assertThat(c.breached()).isTrue();
        assertThat(c.dueAt()).contains(again.plus(Duration.ofMinutes(10)));
        assertThat(c.breach(again.plus(Duration.ofMinutes(10)))).isTrue();
    }

    @Test
    void anotherPolicyKeepsTheTimeAlreadyUsed() {
        SlaClock c = clock(Duration.ofMinutes(60), 80);
        c.start(MONDAY_10, ALWAYS);

        Instant later = MONDAY_10.plus(Duration.ofMinutes(20));
        c.retarget(new CalendarId(2), Duration.ofMinutes(30), 50, later, ALWAYS, ALWAYS);

        assertThat(c.dueAt()).contains(later.plus(Duration.ofMinutes(10)));
        // Half of 30 minutes was used up already: it warns at once.
        assertThat(c.warnAt()).contains(later);
    }
}
