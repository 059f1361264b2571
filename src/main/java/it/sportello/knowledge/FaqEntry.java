package it.sportello.knowledge;

import it.sportello.shared.InvalidInputException;
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
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One frequent case of the FAQ database, known by a stable {@code faqId} ("card_arrival") that
 * imports, the bot and links rely on. Per language it has one answer and the ways customers ask
 * ({@link FaqTranslation}); the entry itself carries what is common: category, tags, whether it is
 * published and to whom, who owns it and when it was last reviewed.
 */
@Entity
@Table(name = "knowledge_faq")
public class FaqEntry {

    /** Letters, digits and {@code . _ - / ? !} (ids of the shared data sets end in '?'); links escape them. */
    public static final Pattern FAQ_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/?!-]{0,79}");

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "knowledge_faq_seq")
    @SequenceGenerator(name = "knowledge_faq_seq", sequenceName = "knowledge_faq_seq", allocationSize = 50)
    private Long id;

    @Column(name = "faq_id", nullable = false, updatable = false)
    private String faqId;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "category_id")
    private Category category;

    @Column(nullable = false)
    private String tags = "";

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false)
    private FaqStatus status;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false)
    private Visibility visibility;

    @Column(name = "owner_id")
    private Long ownerId;

    @Column(name = "last_reviewed_at")
    private Instant lastReviewedAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @OneToMany(mappedBy = "entry", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("locale")
    private List<FaqTranslation> translations = new ArrayList<>();

    @Version
    private long version;

    protected FaqEntry() {}

    FaqEntry(String faqId, FaqStatus status, Visibility visibility, Instant now) {
        if (faqId == null || !FAQ_ID.matcher(faqId).matches()) {
            throw new InvalidInputException("faqId", "letters, digits and . _ - / ? ! only, at most 80 characters");
        }
        this.faqId = faqId;
        this.status = status;
        this.visibility = visibility;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Sets this language's answer and questions, replacing what it had. */
    void translate(SupportedLocale locale, FaqTranslation.Content content, Instant now) {
        translation(locale)
                .ifPresentOrElse(
                        t -> t.replace(content), () -> translations.add(new FaqTranslation(this, locale, content)));
        touch(now);
    }

    void removeTranslation(SupportedLocale locale, Instant now) {
        translations.removeIf(t -> t.locale() == locale);
        touch(now);
    }

    void describe(Category category, Set<String> tags, FaqStatus status, Visibility visibility, Instant now) {
        this.category = category;
        this.tags = String.join(",", normalisedTags(tags));
        this.status = status;
        this.visibility = visibility;
        touch(now);
    }

    void assignOwner(Long ownerId) {
        this.ownerId = ownerId;
    }

    void markReviewed(Instant now) {
        this.lastReviewedAt = now;
    }

    private void touch(Instant now) {
        this.updatedAt = now;
    }

    static Set<String> normalisedTags(Set<String> tags) {
        return tags.stream()
                .map(t -> t.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s,]+", "-"))
                .filter(t -> !t.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    public long id() {
        return id;
    }

    public String faqId() {
        return faqId;
    }

    public Optional<Category> category() {
        return Optional.ofNullable(category);
    }

    public Set<String> tags() {
        return tags.isEmpty() ? Set.of() : new LinkedHashSet<>(Arrays.asList(tags.split(",")));
    }

    public FaqStatus status() {
        return status;
    }

    public Visibility visibility() {
        return visibility;
    }

    /** Published and public: what a visitor of the help center may read. */
    public boolean isPublic() {
        return status == FaqStatus.PUBLISHED && visibility == Visibility.PUBLIC;
    }

    public Optional<Long> ownerId() {
        return Optional.ofNullable(ownerId);
    }

    public Optional<Instant> lastReviewedAt() {
        return Optional.ofNullable(lastReviewedAt);
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

    public List<FaqTranslation> translations() {
        return List.copyOf(translations);
    }

    public Optional<FaqTranslation> translation(SupportedLocale locale) {
        return translations.stream().filter(t -> t.locale() == locale).findFirst();
    }

    /** The reader's language if the entry speaks it, else the other one. */
    public Optional<FaqTranslation> translationFor(SupportedLocale preferred) {
        return translation(preferred).or(() -> translations.stream().findFirst());
    }
}
