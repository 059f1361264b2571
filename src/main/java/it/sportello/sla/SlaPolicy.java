package it.sportello.sla;

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

/**
 * A service-level policy: which tickets it is for and what it promises them ("Chat: first answer
 * within 2 minutes around the clock"). Policies are ordered; the first that matches a ticket
 * applies. Exactly one is the catch-all: it asks nothing, comes last and cannot be deleted.
 */
@Entity
@Table(name = "sla_policy")
public class SlaPolicy {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sla_policy_seq")
    @SequenceGenerator(name = "sla_policy_seq", sequenceName = "sla_policy_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, length = 100)
    private String name;

    @Column(nullable = false)
    private int position;

    @Column(name = "catch_all", nullable = false)
    private boolean catchAll;

    @Convert(converter = PolicyRulesConverter.class)
    @Column(nullable = false, length = 1_000_000)
    private PolicyRules rules;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected SlaPolicy() {}

    SlaPolicy(String name, int position, PolicyRules rules, Instant now) {
        this.name = name;
        this.position = position;
        this.rules = rules;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public PolicyId id() {
        return new PolicyId(id);
    }

    public String name() {
        return name;
    }

    /** Where it stands in the order policies are tried in (1 first). */
    public int position() {
        return position;
    }

    public boolean isCatchAll() {
        return catchAll;
    }

    public PolicyRules rules() {
        return rules;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }

    void redefine(String name, PolicyRules rules, Instant now) {
        if (catchAll && rules.hasConditions()) {
            throw new it.sportello.shared.InvalidInputException(
                    "conditions", "the default policy applies to every ticket: it takes no conditions");
        }
        this.name = name;
        this.rules = rules;
        this.updatedAt = now;
    }

    void moveTo(int position, Instant now) {
        this.position = position;
        this.updatedAt = now;
    }
}
