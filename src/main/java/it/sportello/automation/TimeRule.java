package it.sportello.automation;

import it.sportello.ticket.TicketStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** A rule checked every minute or so against the clock: "pending with no answer for 5 days → remind". */
@Entity
@Table(name = "automation_time_rule")
public class TimeRule {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "automation_seq")
    @SequenceGenerator(name = "automation_seq", sequenceName = "automation_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(nullable = false)
    private boolean active;

    @Column(nullable = false, length = 30)
    private String measure;

    @Column(length = 20)
    private String status;

    @Column(name = "after_hours", nullable = false)
    private int afterHours;

    @Column(name = "business_hours", nullable = false)
    private boolean businessHours;

    @Column(name = "calendar_id")
    private Long calendarId;

    @Column(name = "match_any", nullable = false)
    private boolean matchAny;

    @Convert(converter = JsonColumns.Conditions.class)
    @Column(nullable = false, length = 1_000_000)
    private List<Condition> conditions;

    @Convert(converter = JsonColumns.Actions.class)
    @Column(nullable = false, length = 1_000_000)
    private List<Action> actions;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected TimeRule() {}

    TimeRule(TimeRuleDraft draft, Instant now) {
        this.createdAt = now;
        change(draft, now);
    }

    void change(TimeRuleDraft draft, Instant now) {
        this.name = draft.name();
        this.active = draft.active();
        this.measure = draft.measure().code();
        this.status = draft.status() == null ? null : draft.status().code();
        this.afterHours = draft.afterHours();
        this.businessHours = draft.businessHours();
        this.calendarId = draft.calendarId();
        this.matchAny = draft.matchAny();
        this.conditions = List.copyOf(draft.conditions());
        this.actions = List.copyOf(draft.actions());
        this.updatedAt = now;
    }

    void activate(boolean active, Instant now) {
        this.active = active;
        this.updatedAt = now;
    }

    String ruleKey() {
        return "time-rule:" + id;
    }

    public long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public boolean active() {
        return active;
    }

    public TimeMeasure measure() {
        return TimeMeasure.fromCode(measure);
    }

    public TicketStatus status() {
        return status == null ? null : TicketStatus.fromCode(status);
    }

    public int afterHours() {
        return afterHours;
    }

    public Duration after() {
        return Duration.ofHours(afterHours);
    }

    public boolean businessHours() {
        return businessHours;
    }

    public Long calendarId() {
        return calendarId;
    }

    public boolean matchAny() {
        return matchAny;
    }

    public List<Condition> conditions() {
        return conditions;
    }

    public List<Action> actions() {
        return actions;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }
}
