package it.sportello.sla;

import it.sportello.ticket.TicketId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One of a ticket's clocks: how much business time its target allows, how much it has used, and,
 * while it runs, when it warns and when it breaches. Pausing banks the business time used so far;
 * resuming counts on from there, so a pause moves the due time by the business time it lasted.
 * Each warning and breach happens once per cycle (a next-response clock starts a cycle for each
 * customer message the desk owes an answer to); {@link #breached()} remembers any breach.
 */
@Entity
@Table(name = "sla_clock")
public class SlaClock {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sla_clock_seq")
    @SequenceGenerator(name = "sla_clock_seq", sequenceName = "sla_clock_seq", allocationSize = 50)
    private Long id;

    @Column(name = "ticket_id", nullable = false)
    private long ticketId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private SlaTarget target;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private SlaClockState state;

    @Column(name = "calendar_id", nullable = false)
    private long calendarId;

    @Column(name = "allowed_seconds", nullable = false)
    private long allowedSeconds;

    @Column(name = "warning_percent", nullable = false)
    private int warningPercent;

    @Column(name = "used_seconds", nullable = false)
    private long usedSeconds;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "running_since")
    private Instant runningSince;

    @Column(name = "stopped_at")
    private Instant stoppedAt;

    @Column(name = "due_at")
    private Instant dueAt;

    @Column(name = "warn_at")
    private Instant warnAt;

    @Column(nullable = false)
    private int cycle;

    @Column(nullable = false)
    private boolean warned;

    @Column(name = "breached_in_cycle", nullable = false)
    private boolean breachedInCycle;

    @Column(nullable = false)
    private boolean breached;

    @Column(name = "breached_at")
    private Instant breachedAt;

    @Version
    private long version;

    protected SlaClock() {}

    /** A clock that starts counting at {@code at} on {@code businessCalendar} (the one {@code calendar} names). */
    SlaClock(
            TicketId ticket,
            SlaTarget target,
            CalendarId calendar,
            Duration allowed,
            int warningPercent,
            Instant at,
            BusinessCalendar businessCalendar) {
        this.ticketId = ticket.value();
        this.target = target;
        this.calendarId = calendar.value();
        this.allowedSeconds = allowed.toSeconds();
        this.warningPercent = warningPercent;
        start(at, businessCalendar);
    }

    /** Starts a new cycle at {@code at}: nothing used yet, no warning or breach in it. */
    void start(Instant at, BusinessCalendar calendar) {
        cycle++;
        usedSeconds = 0;
        startedAt = at;
        stoppedAt = null;
        warned = false;
        breachedInCycle = false;
        run(at, calendar);
    }

    /** Stops counting while the ticket waits; the business time used so far is kept. */
    void pause(Instant at, BusinessCalendar calendar) {
        if (state == SlaClockState.RUNNING) {
            bank(at, calendar);
            state = SlaClockState.PAUSED;
        }
    }

    /** Counts on from where it paused (or stopped, for a reopened ticket's resolution). */
    void resume(Instant at, BusinessCalendar calendar) {
        if (state != SlaClockState.RUNNING) {
            stoppedAt = null;
            run(at, calendar);
        }
    }

    /** The promise is kept (or no longer owed): the clock stops for good in this cycle. */
    void stop(Instant at, BusinessCalendar calendar) {
        if (state == SlaClockState.RUNNING) {
            bank(at, calendar);
        }
        if (state != SlaClockState.STOPPED) {
            state = SlaClockState.STOPPED;
            stoppedAt = at;
            dueAt = null;
            warnAt = null;
        }
    }

    /**
     * Counts on another policy's target and calendar from {@code at}: the business time used so far
     * (on the old calendar) stays used.
     */
    void retarget(
            CalendarId calendar,
            Duration allowed,
            int warningPercent,
            Instant at,
            BusinessCalendar oldCalendar,
            BusinessCalendar newCalendar) {
        boolean running = state == SlaClockState.RUNNING;
        if (running) {
            bank(at, oldCalendar);
        }
        this.calendarId = calendar.value();
        this.allowedSeconds = allowed.toSeconds();
        this.warningPercent = warningPercent;
        if (running) {
            run(at, newCalendar);
        }
    }

    /** Marks the warning given, once per cycle and only while running; false when there is nothing to do. */
    boolean warn(Instant now) {
        if (state != SlaClockState.RUNNING || warned || warnAt == null || now.isBefore(warnAt)) {
            return false;
        }
        warned = true;
        // A warning the scheduler only got to after the breach says nothing new.
        return !breachedInCycle && now.isBefore(dueAt);
    }

    /** Marks the breach, once per cycle and only while running past the due time. */
    boolean breach(Instant now) {
        if (state != SlaClockState.RUNNING || breachedInCycle || dueAt == null || now.isBefore(dueAt)) {
            return false;
        }
        warned = true;
        breachedInCycle = true;
        breached = true;
        breachedAt = now;
        return true;
    }

    private void run(Instant at, BusinessCalendar calendar) {
        state = SlaClockState.RUNNING;
        runningSince = at;
        Duration used = Duration.ofSeconds(usedSeconds);
        Duration allowed = Duration.ofSeconds(allowedSeconds);
        dueAt = calendar.plus(at, positive(allowed.minus(used)));
        warnAt = calendar.plus(
                at, positive(allowed.multipliedBy(warningPercent).dividedBy(100).minus(used)));
    }

    private void bank(Instant at, BusinessCalendar calendar) {
        Instant until = at.isBefore(runningSince) ? runningSince : at;
        usedSeconds += calendar.between(runningSince, until).toSeconds();
        runningSince = null;
        dueAt = null;
        warnAt = null;
    }

    private static Duration positive(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }

    public long id() {
        return id;
    }

    public TicketId ticketId() {
        return new TicketId(ticketId);
    }

    public SlaTarget target() {
        return target;
    }

    public SlaClockState state() {
        return state;
    }

    public boolean isRunning() {
        return state == SlaClockState.RUNNING;
    }

    public CalendarId calendarId() {
        return new CalendarId(calendarId);
    }

    public Duration allowed() {
        return Duration.ofSeconds(allowedSeconds);
    }

    /** The business time used until the last pause or stop (not counting the current run). */
    public Duration usedBeforeThisRun() {
        return Duration.ofSeconds(usedSeconds);
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Optional<Instant> stoppedAt() {
        return Optional.ofNullable(stoppedAt);
    }

    /** When it breaches, while it runs. */
    public Optional<Instant> dueAt() {
        return Optional.ofNullable(dueAt);
    }

    /** When it warns, while it runs. */
    public Optional<Instant> warnAt() {
        return Optional.ofNullable(warnAt);
    }

    public boolean warned() {
        return warned;
    }

    public boolean breachedInCycle() {
        return breachedInCycle;
    }

    /** Whether this clock ever ran out (in any cycle). */
    public boolean breached() {
        return breached;
    }

    public Optional<Instant> breachedAt() {
        return Optional.ofNullable(breachedAt);
    }

    public int cycle() {
        return cycle;
    }
}
