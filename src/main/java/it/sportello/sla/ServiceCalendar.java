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
 * A named business calendar the desk keeps ("Orario d'ufficio", "Telefono", "Chat"): policies and
 * standards count their business time on one of them. Exactly one is the default.
 */
@Entity
@Table(name = "sla_calendar")
public class ServiceCalendar {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sla_calendar_seq")
    @SequenceGenerator(name = "sla_calendar_seq", sequenceName = "sla_calendar_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, length = 100)
    private String name;

    @Convert(converter = CalendarDefinitionConverter.class)
    @Column(nullable = false, length = 1_000_000)
    private CalendarDefinition definition;

    @Column(name = "is_default", nullable = false)
    private boolean isDefault;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected ServiceCalendar() {}

    ServiceCalendar(String name, CalendarDefinition definition, Instant now) {
        this.name = name;
        this.definition = definition;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public CalendarId id() {
        return new CalendarId(id);
    }

    public String name() {
        return name;
    }

    public CalendarDefinition definition() {
        return definition;
    }

    /** The calendar to count business time with. */
    public BusinessCalendar calendar() {
        return definition.toCalendar();
    }

    public boolean isDefault() {
        return isDefault;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }

    void redefine(String name, CalendarDefinition definition, Instant now) {
        this.name = name;
        this.definition = definition;
        this.updatedAt = now;
    }

    void markDefault(boolean isDefault, Instant now) {
        this.isDefault = isDefault;
        this.updatedAt = now;
    }
}
