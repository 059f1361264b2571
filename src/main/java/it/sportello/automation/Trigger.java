package it.sportello.automation;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A rule the desk runs when something happens to a ticket: on its {@link TriggerEvent}, when its
 * conditions hold (all of them, or any one when {@code matchAny}), it performs its actions.
 * Triggers run in their {@code position} order; an inactive one is kept but never runs.
 */
@Entity
@Table(name = "automation_trigger")
public class Trigger {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "automation_seq")
    @SequenceGenerator(name = "automation_seq", sequenceName = "automation_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, length = 200)
    private String name;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 40)
    private TriggerEvent event;

    @Column(nullable = false)
    private int position;

    @Column(nullable = false)
    private boolean active;

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

    protected Trigger() {}

    Trigger(TriggerDraft draft, int position, Instant now) {
        this.position = position;
        this.createdAt = now;
        change(draft, now);
    }

    /** Takes a checked and cleaned draft. */
    void change(TriggerDraft draft, Instant now) {
        this.name = draft.name();
        this.event = draft.event();
        this.active = draft.active();
        this.matchAny = draft.matchAny();
        this.conditions = List.copyOf(draft.conditions());
        this.actions = List.copyOf(draft.actions());
        this.updatedAt = now;
    }

    void activate(boolean active, Instant now) {
        this.active = active;
        this.updatedAt = now;
    }

    void moveTo(int position) {
        this.position = position;
    }

    /** The key its firings are recorded under (shared with time rules, so it names the kind). */
    String ruleKey() {
        return "trigger:" + id;
    }

    public long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public TriggerEvent event() {
        return event;
    }

    public int position() {
        return position;
    }

    public boolean active() {
        return active;
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

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }
}
