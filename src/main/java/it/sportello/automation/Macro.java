package it.sportello.automation;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;

/**
 * A named set of actions with a reply template that an agent applies to a ticket in one click
 * ("Richiesta di dettagli": reply asking for the order number, set pending). Visible to every agent,
 * or to the members of one group.
 */
@Entity
@Table(name = "automation_macro")
public class Macro {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "automation_seq")
    @SequenceGenerator(name = "automation_seq", sequenceName = "automation_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(nullable = false)
    private boolean active;

    @Column(name = "group_id")
    private Long groupId;

    @Column(name = "reply_it", length = 1_000_000)
    private String replyIt;

    @Column(name = "reply_en", length = 1_000_000)
    private String replyEn;

    @Convert(converter = JsonColumns.Actions.class)
    @Column(nullable = false, length = 1_000_000)
    private List<Action> actions;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Macro() {}

    Macro(MacroDraft draft, Instant now) {
        this.createdAt = now;
        change(draft, now);
    }

    void change(MacroDraft draft, Instant now) {
        this.name = draft.name();
        this.active = draft.active();
        this.groupId = draft.groupId();
        this.replyIt = draft.replyIt();
        this.replyEn = draft.replyEn();
        this.actions = List.copyOf(draft.actions());
        this.updatedAt = now;
    }

    void activate(boolean active, Instant now) {
        this.active = active;
        this.updatedAt = now;
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

    public Long groupId() {
        return groupId;
    }

    public String replyIt() {
        return replyIt;
    }

    public String replyEn() {
        return replyEn;
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
