package it.sportello.customer;

import it.sportello.shared.ConflictException;
import it.sportello.shared.SupportedLocale;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A person the desk serves, with every address they reach us by. */
@Entity
@Table(name = "customer")
public class Customer {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "customer_seq")
    @SequenceGenerator(name = "customer_seq", sequenceName = "customer_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false)
    private String name;

    @ManyToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "organisation_id")
    private Organisation organisation;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false)
    private SupportedLocale locale;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "journey_stage", nullable = false)
    private JourneyStage journeyStage;

    /** The portal account of this customer, if they have one (an id in the identity module). */
    @Column(name = "user_id", unique = true)
    private Long userId;

    @OneToMany(mappedBy = "customer", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @OrderBy("id")
    private List<CustomerIdentity> identities = new ArrayList<>();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Customer() {}

    Customer(String name, SupportedLocale locale, JourneyStage stage, Instant now) {
        this.name = name;
        this.locale = locale == null ? SupportedLocale.IT : locale;
        this.journeyStage = stage == null ? JourneyStage.AWARENESS : stage;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public CustomerId id() {
        return new CustomerId(id);
    }

    public String name() {
        return name;
    }

    public Optional<Organisation> organisation() {
        return Optional.ofNullable(organisation);
    }

    public SupportedLocale locale() {
        return locale;
    }

    public JourneyStage journeyStage() {
        return journeyStage;
    }

    public Optional<Long> userId() {
        return Optional.ofNullable(userId);
    }

    public List<String> addresses(IdentityKind kind) {
        return identities.stream()
                .filter(i -> i.kind() == kind)
                .map(CustomerIdentity::value)
                .toList();
    }

    /** The first e-mail address, where replies go by default. */
    public Optional<String> primaryEmail() {
        return addresses(IdentityKind.EMAIL).stream().findFirst();
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

    void rename(String name, Instant now) {
        this.name = name;
        touch(now);
    }

    void moveTo(Organisation organisation, Instant now) {
        this.organisation = organisation;
        touch(now);
    }

    void speak(SupportedLocale locale, Instant now) {
        this.locale = locale;
        touch(now);
    }

    void advanceTo(JourneyStage stage, Instant now) {
        this.journeyStage = stage;
        touch(now);
    }

    void linkAccount(long userId, Instant now) {
        if (this.userId != null && this.userId != userId) {
            throw new ConflictException("Customer " + id + " already has a portal account");
        }
        this.userId = userId;
        touch(now);
    }

    void addIdentity(IdentityKind kind, String value, Instant now) {
        String canonical = kind.normalise(value);
        if (!addresses(kind).contains(canonical)) {
            identities.add(new CustomerIdentity(this, kind, canonical, now));
            touch(now);
        }
    }

    /** Keeps exactly these addresses of one kind, in this order of preference. */
    void replaceIdentities(IdentityKind kind, Collection<String> values, Instant now) {
        List<String> wanted = new ArrayList<>(
                new LinkedHashSet<>(values.stream().map(kind::normalise).toList()));
        identities.removeIf(i -> i.kind() == kind && !wanted.contains(i.value()));
        wanted.forEach(v -> addIdentity(kind, v, now));
        touch(now);
    }

    private void touch(Instant now) {
        this.updatedAt = now;
    }
}
