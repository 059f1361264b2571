package it.sportello.knowledge;

import it.sportello.shared.SafeHtml;
import it.sportello.shared.SupportedLocale;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.search.mapper.pojo.automaticindexing.ReindexOnUpdate;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.FullTextField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.IndexingDependency;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.KeywordField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.ObjectPath;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.PropertyValue;
import org.hibernate.type.SqlTypes;

/**
 * An FAQ entry in one language: its answer (sanitised HTML and its text) and the ways customers
 * ask for it, the first being the entry's title. This is what the help center searches: its
 * fields share their names with {@link Article}'s so one query ranks both.
 */
@Entity
@Table(name = "knowledge_faq_translation")
@Indexed(index = "faq")
public class FaqTranslation {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "knowledge_faq_translation_seq")
    @SequenceGenerator(
            name = "knowledge_faq_translation_seq",
            sequenceName = "knowledge_faq_translation_seq",
            allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "faq_id", nullable = false, updatable = false)
    private FaqEntry entry;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, updatable = false)
    @KeywordField
    private SupportedLocale locale;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "knowledge_faq_question", joinColumns = @JoinColumn(name = "translation_id"))
    @OrderColumn(name = "position")
    @Column(name = "text", nullable = false)
    @FullTextField(name = KnowledgeFields.TITLE_IT, analyzer = KnowledgeFields.ITALIAN)
    @FullTextField(name = KnowledgeFields.TITLE_EN, analyzer = KnowledgeFields.ENGLISH)
    private List<String> questions = new ArrayList<>();

    @Column(name = "answer_html", nullable = false)
    private String answerHtml;

    @Column(name = "answer_text", nullable = false)
    @FullTextField(name = KnowledgeFields.BODY_IT, analyzer = KnowledgeFields.ITALIAN)
    @FullTextField(name = KnowledgeFields.BODY_EN, analyzer = KnowledgeFields.ENGLISH)
    private String answerText;

    @Column(nullable = false)
    private long views;

    protected FaqTranslation() {}

    FaqTranslation(FaqEntry entry, SupportedLocale locale, Content content) {
        this.entry = entry;
        this.locale = locale;
        replace(content);
    }

    void replace(Content content) {
        this.questions.clear();
        this.questions.addAll(content.questions());
        this.answerHtml = content.answer().html();
        this.answerText = content.answer().text();
    }

    public long id() {
        return id;
    }

    public FaqEntry entry() {
        return entry;
    }

    public SupportedLocale locale() {
        return locale;
    }

    /** The entry's title in this language: the first way of asking. */
    public String question() {
        return questions.getFirst();
    }

    public List<String> questions() {
        return List.copyOf(questions);
    }

    public String answerHtml() {
        return answerHtml;
    }

    public String answerText() {
        return answerText;
    }

    public long views() {
        return views;
    }

    /** The entry's stable id, indexed so search can return it without loading the entry. */
    @KeywordField(name = KnowledgeFields.KEY, projectable = org.hibernate.search.engine.backend.types.Projectable.YES)
    @IndexingDependency(reindexOnUpdate = ReindexOnUpdate.NO)
    public String getKey() {
        return entry.faqId();
    }

    @KeywordField(name = KnowledgeFields.STATUS)
    @IndexingDependency(
            derivedFrom =
                    @ObjectPath({@PropertyValue(propertyName = "entry"), @PropertyValue(propertyName = "status")}))
    public FaqStatus getIndexedStatus() {
        return entry.status();
    }

    @KeywordField(name = KnowledgeFields.VISIBILITY)
    @IndexingDependency(
            derivedFrom =
                    @ObjectPath({@PropertyValue(propertyName = "entry"), @PropertyValue(propertyName = "visibility")}))
    public Visibility getIndexedVisibility() {
        return entry.visibility();
    }

    /** What an answer in one language is made of: at least one question, and the answer. */
    public record Content(List<String> questions, SafeHtml answer) {
        public Content {
            questions = List.copyOf(questions);
            if (questions.isEmpty()) {
                throw new IllegalArgumentException("An FAQ answer needs at least one question");
            }
        }
    }
}
