package it.sportello.sla;

import it.sportello.ticket.Channel;
import it.sportello.ticket.Priority;
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
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A service standard: a measurable promise with a floor ("95 % of e-mails first answered within 8
 * business hours"). It says what it measures, the threshold and how it is counted, which tickets it
 * covers, and the share that must be met. It is edited freely; the team reads it once a
 * supervisor publishes the charter.
 */
@Entity
@Table(name = "sla_standard")
public class Standard {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sla_standard_seq")
    @SequenceGenerator(name = "sla_standard_seq", sequenceName = "sla_standard_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, length = 120)
    private String name;

    @Column(nullable = false, length = 1000)
    private String description;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 20)
    private StandardMeasure measure;

    @Column(length = 60)
    private String milestone;

    @Column(name = "start_milestone", length = 60)
    private String startMilestone;

    @Column(name = "threshold_seconds", nullable = false)
    private long thresholdSeconds;

    @Column(name = "business_time", nullable = false)
    private boolean businessTime;

    @Column(name = "calendar_id")
    private Long calendarId;

    /** Channel codes, comma-separated; empty for every channel. */
    @Column(nullable = false, length = 200)
    private String channels;

    /** Priority codes, comma-separated; empty for every priority. */
    @Column(nullable = false, length = 100)
    private String priorities;

    @Column(name = "floor_percent", nullable = false, precision = 4, scale = 1)
    private BigDecimal floor;

    @Column(nullable = false)
    private boolean active;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Standard() {}

    Standard(StandardDraft draft, Instant now) {
        this.createdAt = now;
        revise(draft, now);
    }

    /** Takes a validated draft whole (the service checks it first). */
    void revise(StandardDraft draft, Instant now) {
        this.name = draft.name();
        this.description = draft.description() == null ? "" : draft.description();
        this.measure = draft.measure();
        this.milestone = draft.measure() == StandardMeasure.MILESTONE ? draft.milestone() : null;
        this.startMilestone = draft.measure() == StandardMeasure.MILESTONE ? draft.startMilestone() : null;
        this.thresholdSeconds = draft.threshold().toSeconds();
        this.businessTime = draft.businessTime();
        this.calendarId = draft.businessTime() && draft.calendarId() != null
                ? draft.calendarId().value()
                : null;
        this.channels = draft.channels().stream().sorted().map(Channel::code).collect(Collectors.joining(","));
        this.priorities =
                draft.priorities().stream().sorted().map(Priority::code).collect(Collectors.joining(","));
        this.floor = draft.floor();
        this.active = draft.active();
        this.updatedAt = now;
    }

    public StandardId id() {
        return new StandardId(id);
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public StandardMeasure measure() {
        return measure;
    }

    /** The milestone a {@link StandardMeasure#MILESTONE} standard waits for; null for other measures. */
    public String milestone() {
        return milestone;
    }

    /** The milestone its time starts from; null when it starts at the ticket's opening. */
    public String startMilestone() {
        return startMilestone;
    }

    public Duration threshold() {
        return Duration.ofSeconds(thresholdSeconds);
    }

    /** Counted in business time of a calendar; otherwise around the clock. */
    public boolean businessTime() {
        return businessTime;
    }

    /** The calendar business time is counted on; null for the default calendar. */
    public CalendarId calendarId() {
        return calendarId == null ? null : new CalendarId(calendarId);
    }

    /** The channels of the tickets it covers, in their natural order; empty for all. */
    public Set<Channel> channels() {
        Set<Channel> set = EnumSet.noneOf(Channel.class);
        codes(channels).forEach(code -> set.add(Channel.fromCode(code)));
        return set;
    }

    /** The priorities of the tickets it covers; empty for all. */
    public Set<Priority> priorities() {
        Set<Priority> set = EnumSet.noneOf(Priority.class);
        codes(priorities).forEach(code -> set.add(Priority.fromCode(code)));
        return set;
    }

    /** The share of measured tickets that must meet the threshold, in percent (e.g. 95.0). */
    public BigDecimal floor() {
        return floor;
    }

    public boolean active() {
        return active;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }

    /** Whether a ticket on this channel with this priority is one this standard speaks of. */
    public boolean covers(Channel channel, Priority priority) {
        if (measure == StandardMeasure.CHAT_ANSWERED && channel != Channel.CHAT) {
            return false;
        }
        Set<Channel> wantedChannels = channels();
        Set<Priority> wantedPriorities = priorities();
        return (wantedChannels.isEmpty() || wantedChannels.contains(channel))
                && (wantedPriorities.isEmpty() || wantedPriorities.contains(priority));
    }

    /** The terms as the charter shows them, with the name of the calendar they are counted on. */
    public StandardTerms terms(String calendarName) {
        return new StandardTerms(
                id,
                name,
                description,
                measure,
                milestone,
                startMilestone,
                thresholdSeconds,
                businessTime,
                businessTime ? calendarName : null,
                List.copyOf(channels()),
                List.copyOf(priorities()),
                floor);
    }

    private static List<String> codes(String joined) {
        return joined == null || joined.isBlank() ? List.of() : Arrays.asList(joined.split(","));
    }
}
