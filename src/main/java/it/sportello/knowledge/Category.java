package it.sportello.knowledge;

import it.sportello.shared.SupportedLocale;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A shelf of the help center ("Ordini e spedizioni"), named in both languages. */
@Entity
@Table(name = "knowledge_category")
public class Category {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "knowledge_category_seq")
    @SequenceGenerator(name = "knowledge_category_seq", sequenceName = "knowledge_category_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false)
    private String slug;

    @Column(name = "name_it", nullable = false)
    private String nameIt;

    @Column(name = "name_en", nullable = false)
    private String nameEn;

    @Column(nullable = false)
    private int position;

    protected Category() {}

    Category(String slug, String nameIt, String nameEn, int position) {
        this.slug = slug;
        rename(nameIt, nameEn, position);
    }

    void rename(String nameIt, String nameEn, int position) {
        this.nameIt = nameIt;
        this.nameEn = nameEn;
        this.position = position;
    }

    public long id() {
        return id;
    }

    public String slug() {
        return slug;
    }

    public String name(SupportedLocale locale) {
        return locale == SupportedLocale.EN ? nameEn : nameIt;
    }

    public int position() {
        return position;
    }
}
