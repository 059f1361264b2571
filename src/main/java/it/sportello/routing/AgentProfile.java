package it.sportello.routing;

import it.sportello.identity.UserId;
import it.sportello.ticket.Channel;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * What routing knows of an agent: their skills (each at a level from 1 to 3), the channels they
 * are taking work on now, and how many open tickets they can hold. An agent without a profile is
 * away on every channel with the default capacity.
 */
@Entity
@Table(name = "routing_agent")
public class AgentProfile {

    public static final int MIN_LEVEL = 1;
    public static final int MAX_LEVEL = 3;
    public static final int MAX_CAPACITY = 200;

    @Id
    @Column(name = "user_id")
    private Long userId;

    @Column(nullable = false)
    private int capacity;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "routing_agent_skill", joinColumns = @JoinColumn(name = "user_id"))
    @MapKeyColumn(name = "skill_id")
    @Column(name = "level")
    private Map<Long, Integer> skills = new TreeMap<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "routing_agent_channel", joinColumns = @JoinColumn(name = "user_id"))
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "channel")
    private Set<Channel> availableOn = EnumSet.noneOf(Channel.class);

    @Column(name = "last_assigned_at")
    private Instant lastAssignedAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private Long version;

    protected AgentProfile() {}

    AgentProfile(UserId agent, int capacity, Instant now) {
        this.userId = agent.value();
        this.capacity = capacity;
        this.updatedAt = now;
    }

    /** The profile of an agent nobody has configured: away everywhere, default capacity. */
    static AgentProfile unconfigured(UserId agent, int capacity) {
        return new AgentProfile(agent, capacity, Instant.EPOCH);
    }

    void changeSkills(Map<SkillId, Integer> levels, Instant now) {
        skills.clear();
        levels.forEach((skill, level) -> skills.put(skill.value(), level));
        updatedAt = now;
    }

    void changeCapacity(int capacity, Instant now) {
        this.capacity = capacity;
        updatedAt = now;
    }

    /** Returns true when the agent became available on a channel they were not before. */
    boolean makeAvailableOn(Collection<Channel> channels, Instant now) {
        boolean gained = !availableOn.containsAll(channels);
        availableOn.clear();
        availableOn.addAll(channels);
        updatedAt = now;
        return gained;
    }

    public UserId agent() {
        return new UserId(userId);
    }

    public int capacity() {
        return capacity;
    }

    /** Skill to level (1 to 3). */
    public Map<SkillId, Integer> skills() {
        return skills.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(e -> new SkillId(e.getKey()), Map.Entry::getValue));
    }

    public Optional<Integer> levelOf(SkillId skill) {
        return Optional.ofNullable(skills.get(skill.value()));
    }

    public boolean hasAll(Collection<SkillId> required) {
        return required.stream().allMatch(skill -> skills.containsKey(skill.value()));
    }

    public Set<Channel> availableOn() {
        return availableOn.isEmpty() ? Set.of() : Set.copyOf(availableOn);
    }

    public boolean availableOn(Channel channel) {
        return availableOn.contains(channel);
    }

    /** When routing last gave this agent a ticket; empty: never. */
    public Optional<Instant> lastAssignedAt() {
        return Optional.ofNullable(lastAssignedAt);
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    /** What a client sends back to save over exactly this state: 0 while nothing is stored, then 1, 2, ... */
    public long version() {
        return version == null ? 0 : version + 1;
    }
}
