package it.sportello.routing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Locale;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A skill of the catalogue. Its code is what tickets are matched by: a language code ("it"), a
 * channel code ("email") or a product written as a ticket tag ("fatturazione"); its name is what
 * people read.
 */
@Entity
@Table(name = "routing_skill")
public class Skill {

    static final String SEQUENCE = "routing_skill_seq";
    static final int MAX_CODE = 50;
    static final int MAX_NAME = 100;

    @Id
    private Long id;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false)
    private SkillKind kind;

    @Column(nullable = false)
    private String code;

    @Column(nullable = false)
    private String name;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Skill() {}

    Skill(SkillId id, SkillKind kind, String code, String name, Instant now) {
        this.id = id.value();
        this.kind = kind;
        this.code = code;
        this.name = name;
        this.createdAt = now;
    }

    /** A code as tickets carry it: trimmed, lower-case, spaces as dashes (as ticket tags are written). */
    static String normaliseCode(String code) {
        return code == null ? "" : code.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", "-");
    }

    void rename(String name) {
        this.name = name;
    }

    public SkillId id() {
        return new SkillId(id);
    }

    public SkillKind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public long version() {
        return version;
    }
}
