package it.sportello.sla;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A ticket the clocks follow and the policy chosen for it (its name kept, so a deleted policy
 * still names the clocks it started). Handlers of one ticket's events queue on this row.
 */
@Entity
@Table(name = "sla_ticket")
class SlaTicket {

    @Id
    @Column(name = "ticket_id")
    private Long ticketId;

    @Column(name = "policy_id")
    private Long policyId;

    @Column(name = "policy_name", nullable = false, length = 100)
    private String policyName;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private Long version;

    protected SlaTicket() {}

    SlaTicket(long ticketId, SlaPolicy policy, Instant now) {
        this.ticketId = ticketId;
        follow(policy, now);
    }

    void follow(SlaPolicy policy, Instant now) {
        this.policyId = policy.id().value();
        this.policyName = policy.name();
        this.updatedAt = now;
    }

    long ticketId() {
        return ticketId;
    }

    Long policyId() {
        return policyId;
    }

    String policyName() {
        return policyName;
    }
}
