package it.sportello.identity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/** A team of agents that tickets can be assigned to ("Assistenza clienti", "Fatturazione"). */
@Entity
@Table(name = "agent_group")
public class AgentGroup {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "agent_group_seq")
    @SequenceGenerator(name = "agent_group_seq", sequenceName = "agent_group_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, unique = true)
    private String name;

    @Column
    private String description;

    @ElementCollection(fetch = jakarta.persistence.FetchType.EAGER)
    @CollectionTable(name = "agent_group_member", joinColumns = @JoinColumn(name = "group_id"))
    @Column(name = "user_id")
    private Set<Long> members = new HashSet<>();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected AgentGroup() {}

    AgentGroup(String name, String description, Instant now) {
        this.name = name;
        this.description = description;
        this.createdAt = now;
    }

    public GroupId id() {
        return new GroupId(id);
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public Set<UserId> members() {
        return members.stream().map(UserId::new).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    void describe(String name, String description) {
        this.name = name;
        this.description = description;
    }

    void replaceMembers(Set<UserId> members) {
        this.members.clear();
        members.forEach(m -> this.members.add(m.value()));
    }
}
