package it.sportello.routing;

import it.sportello.identity.GroupId;
import it.sportello.identity.UserId;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * How one group routes its queue: the strategy, the skills an agent needs to be given its tickets,
 * and, for round-robin, who was picked last. A group without a row routes manually.
 */
@Entity
@Table(name = "routing_group")
public class GroupRouting {

    @Id
    @Column(name = "group_id")
    private Long groupId;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false)
    private RoutingStrategy strategy;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "routing_group_skill", joinColumns = @JoinColumn(name = "group_id"))
    @Column(name = "skill_id")
    private Set<Long> requiredSkills = new TreeSet<>();

    @Column(name = "last_assignee_id")
    private Long lastAssigneeId;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private Long version;

    protected GroupRouting() {}

    GroupRouting(GroupId group, Instant now) {
        this.groupId = group.value();
        this.strategy = RoutingStrategy.MANUAL;
        this.updatedAt = now;
    }

    /** The settings of a group nobody has configured yet: manual, no skills required. */
    static GroupRouting manual(GroupId group) {
        return new GroupRouting(group, Instant.EPOCH);
    }

    void configure(RoutingStrategy strategy, Collection<SkillId> required, Instant now) {
        this.strategy = strategy;
        this.requiredSkills.clear();
        required.forEach(skill -> this.requiredSkills.add(skill.value()));
        this.updatedAt = now;
    }

    /** Round-robin goes on after this agent next time. */
    void picked(UserId agent) {
        this.lastAssigneeId = agent.value();
    }

    public GroupId group() {
        return new GroupId(groupId);
    }

    public RoutingStrategy strategy() {
        return strategy;
    }

    public Set<SkillId> requiredSkills() {
        return requiredSkills.stream().map(SkillId::new).collect(Collectors.toUnmodifiableSet());
    }

    public Optional<UserId> lastAssignee() {
        return Optional.ofNullable(lastAssigneeId).map(UserId::new);
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    /** What a client sends back to save over exactly this state: 0 while nothing is stored, then 1, 2, ... */
    public long version() {
        return version == null ? 0 : version + 1;
    }
}
