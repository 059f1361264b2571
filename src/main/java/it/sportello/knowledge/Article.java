package it.sportello.knowledge;

import it.sportello.shared.SafeHtml;
import it.sportello.shared.SupportedLocale;
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
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Optional;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.FullTextField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.KeywordField;
import org.hibernate.type.SqlTypes;

/**
 * A longer guide of the help center in one language. Its translation into the other language is
 * a separate article sharing the same {@code translationKey}, so readers can switch between them.
 */
@Entity
@Table(name = "knowledge_article")
@Indexed(index = "article")
public class Article {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "knowledge_article_seq")
    @SequenceGenerator(name = "knowledge_article_seq", sequenceName = "knowledge_article_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false)
    @KeywordField(name = KnowledgeFields.KEY, projectable = Projectable.YES)
    private String slug;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, updatable = false)
    @KeywordField
    private SupportedLocale locale;

    @Column(name = "translation_key", nullable = false, updatable = false)
    private String translationKey;

    @Column(nullable = false)
    @FullTextField(name = KnowledgeFields.TITLE_IT, analyzer = KnowledgeFields.ITALIAN)
    @FullTextField(name = KnowledgeFields.TITLE_EN, analyzer = KnowledgeFields.ENGLISH)
    private String title;

    @Column(name = "body_html", nullable = false)
    private String bodyHtml;

    @Column(name = "body_text", nullable = false)
    @FullTextField(name = KnowledgeFields.BODY_IT, analyzer = KnowledgeFields.ITALIAN)
    @FullTextField(name = KnowledgeFields.BODY_EN, analyzer = KnowledgeFields.ENGLISH)
    private String bodyText;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "category_id")
    private Category category;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false)
    @KeywordField(name = KnowledgeFields.STATUS)
    private FaqStatus status;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false)
    @KeywordField(name = KnowledgeFields.VISIBILITY)
    private Visibility visibility;

    @Column(name = "owner_id")
    private Long ownerId;

    @Column(nullable = false)
    private long views;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Article() {}

    Article(String slug, SupportedLocale locale, String translationKey, Instant now) {
        this.slug = slug;
        this.locale = locale;
        this.translationKey = translationKey;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void write(
            String slug,
            String title,
            SafeHtml body,
            Category category,
            FaqStatus status,
            Visibility visibility,
            Instant now) {
        this.slug = slug;
        this.title = title;
        this.bodyHtml = body.html();
        this.bodyText = body.text();
        this.category = category;
        this.status = status;
        this.visibility = visibility;
        this.updatedAt = now;
    }

    void assignOwner(Long ownerId) {
        this.ownerId = ownerId;
    }

    public long id() {
        return id;
    }

    public String slug() {
        return slug;
    }

    public SupportedLocale locale() {
        return locale;
    }

    public String translationKey() {
        return translationKey;
    }

    public String title() {
        return title;
    }

    public String bodyHtml() {
        return bodyHtml;
    }

    public String bodyText() {
        return bodyText;
    }

    public Optional<Category> category() {
        return Optional.ofNullable(category);
    }

    public FaqStatus status() {
        return status;
    }

    public Visibility visibility() {
        return visibility;
    }

    public boolean isPublic() {
        return status == FaqStatus.PUBLISHED && visibility == Visibility.PUBLIC;
    }

    public Optional<Long> ownerId() {
        return Optional.ofNullable(ownerId);
    }

    public long views() {
        return views;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }
}
