package it.sportello.knowledge;

import it.sportello.shared.ConflictException;
import it.sportello.shared.InvalidInputException;
import it.sportello.shared.NotFoundException;
import it.sportello.shared.PlainText;
import it.sportello.shared.SupportedLocale;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The FAQ database: entries read, saved (with their history), removed, imported and exported.
 * Every change advances the database's revision and announces {@link FaqDatabaseChanged} in the
 * same transaction, so the bot learns again exactly when something it learned from changed.
 */
@Service
public class FaqCatalog {

    static final int MAX_QUESTION = 1000;
    static final int MAX_ANSWER = 20_000;

    private final FaqEntryRepository entries;
    private final CategoryRepository categories;
    private final FaqRevisions revisions;
    private final FaqImport imports;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    FaqCatalog(
            FaqEntryRepository entries,
            CategoryRepository categories,
            FaqRevisions revisions,
            FaqImport imports,
            ApplicationEventPublisher events,
            Clock clock) {
        this.entries = entries;
        this.categories = categories;
        this.revisions = revisions;
        this.imports = imports;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Optional<FaqEntry> find(String faqId) {
        return entries.findByFaqId(faqId);
    }

    /** An entry by its database id, as the editor's pages address it (a faqId may contain '/'). */
    @Transactional(readOnly = true)
    public Optional<FaqEntry> find(long id) {
        return entries.findWithTranslationsById(id);
    }

    @Transactional(readOnly = true)
    public List<FaqEntry> all() {
        return entries.findAllOrdered();
    }

    /** Published entries (public and internal), with their answers: what the bot learns from. */
    @Transactional(readOnly = true)
    public List<FaqEntry> published() {
        return entries.findPublished();
    }

    @Transactional(readOnly = true)
    public List<Category> categories() {
        return categories.findAllByOrderByPositionAscSlugAsc();
    }

    @Transactional
    public Category saveCategory(String slug, String nameIt, String nameEn, int position) {
        String cleanSlug = PlainText.line(slug).toLowerCase(java.util.Locale.ROOT);
        if (!cleanSlug.matches("[a-z0-9][a-z0-9-]{0,79}")) {
            throw new InvalidInputException("slug", "lower-case letters, digits and '-' only");
        }
        if (PlainText.line(nameIt).isEmpty() || PlainText.line(nameEn).isEmpty()) {
            throw new InvalidInputException("name", "a name in Italian and in English");
        }
        Category category = categories
                .findBySlug(cleanSlug)
                .orElseGet(() -> categories.save(new Category(cleanSlug, nameIt, nameEn, position)));
        category.rename(PlainText.line(nameIt), PlainText.line(nameEn), position);
        return category;
    }

    /** The FAQ database's revision: it grows with every change. */
    @Transactional(readOnly = true)
    public long revision() {
        return revisions.current();
    }

    @Transactional
    public FaqEntry save(FaqDraft draft, String editedBy) {
        Map<SupportedLocale, FaqTranslation.Content> answers = validated(draft);
        Instant now = clock.instant();
        FaqEntry entry;
        if (draft.expectedVersion() == null) {
            if (entries.findByFaqId(draft.faqId()).isPresent()) {
                throw new InvalidInputException("faqId", "an entry with this id exists already");
            }
            entry = entries.save(new FaqEntry(draft.faqId(), draft.status(), draft.visibility(), now));
        } else {
            entry = entries.findByFaqId(draft.faqId())
                    .orElseThrow(() -> new NotFoundException("FAQ entry", draft.faqId()));
            if (entry.version() != draft.expectedVersion()) {
                throw new ConflictException("The entry was changed by someone else in the meantime; reload it");
            }
        }
        Category category = draft.categoryId() == null
                ? null
                : categories
                        .findById(draft.categoryId())
                        .orElseThrow(() -> new InvalidInputException("categoryId", "no such category"));
        entry.describe(category, draft.tags(), draft.status(), draft.visibility(), now);
        entry.assignOwner(draft.ownerId());
        if (draft.reviewed()) {
            entry.markReviewed(now);
        }
        for (SupportedLocale locale : SupportedLocale.values()) {
            FaqTranslation.Content content = answers.get(locale);
            if (content == null) {
                entry.removeTranslation(locale, now);
            } else {
                entry.translate(locale, content, now);
            }
        }
        entries.flush();
        revisions.record(entry, editedBy, now);
        changed(now);
        return entry;
    }

    /**
     * Adds one more way of asking an entry, in one language (as the bot's learning loop proposes);
     * nothing changes when the entry already has it.
     */
    @Transactional
    public FaqEntry addQuestion(String faqId, SupportedLocale locale, String question, String editedBy) {
        FaqEntry entry = entries.findByFaqId(faqId).orElseThrow(() -> new NotFoundException("FAQ entry", faqId));
        FaqTranslation translation = entry.translation(locale)
                .orElseThrow(() -> new InvalidInputException("locale", "the entry has no answer in this language"));
        String clean = PlainText.line(question);
        if (clean.isEmpty() || clean.length() > MAX_QUESTION) {
            throw new InvalidInputException("question", "between 1 and " + MAX_QUESTION + " characters");
        }
        if (translation.questions().contains(clean)) {
            return entry;
        }
        List<String> questions = new java.util.ArrayList<>(translation.questions());
        questions.add(clean);
        Instant now = clock.instant();
        entry.translate(
                locale,
                new FaqTranslation.Content(
                        questions,
                        new it.sportello.shared.SafeHtml(translation.answerHtml(), translation.answerText())),
                now);
        entries.flush();
        revisions.record(entry, editedBy, now);
        changed(now);
        return entry;
    }

    @Transactional
    public void delete(String faqId) {
        FaqEntry entry = entries.findByFaqId(faqId).orElseThrow(() -> new NotFoundException("FAQ entry", faqId));
        entries.delete(entry);
        changed(clock.instant());
    }

    @Transactional(readOnly = true)
    public List<FaqRevision> history(String faqId) {
        FaqEntry entry = entries.findByFaqId(faqId).orElseThrow(() -> new NotFoundException("FAQ entry", faqId));
        return revisions.history(entry);
    }

    /** Imports a CSV file in one transaction: all of it, or (on any problem) nothing. */
    @Transactional
    public FaqImportResult importCsv(InputStream csv, FaqImportMode mode, String importedBy) {
        Instant now = clock.instant();
        FaqImport.Outcome outcome = imports.apply(csv, mode, importedBy, now);
        long revision = outcome.changed() ? changed(now) : revisions.current();
        return outcome.result(revision);
    }

    /** Counts one reading of an answer (the help center's "views"). */
    @Transactional
    public void countView(FaqTranslation translation) {
        entries.countView(translation.id());
    }

    private long changed(Instant now) {
        long revision = revisions.advance();
        events.publishEvent(new FaqDatabaseChanged(revision, now));
        return revision;
    }

    private static Map<SupportedLocale, FaqTranslation.Content> validated(FaqDraft draft) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (draft.faqId() == null || !FaqEntry.FAQ_ID.matcher(draft.faqId()).matches()) {
            errors.put("faqId", "letters, digits and . _ - / ? ! only, at most 80 characters");
        }
        if (draft.status() == null) {
            errors.put("status", "draft or published");
        }
        if (draft.visibility() == null) {
            errors.put("visibility", "public or internal");
        }
        Map<SupportedLocale, FaqTranslation.Content> answers = new LinkedHashMap<>();
        draft.answers().forEach((locale, content) -> {
            List<String> questions = content.questions().stream()
                    .map(PlainText::line)
                    .filter(q -> !q.isEmpty())
                    .distinct()
                    .toList();
            String field = "answers." + locale.code();
            if (questions.isEmpty()) {
                errors.put(field + ".questions", "at least one question");
            } else if (questions.stream().anyMatch(q -> q.length() > MAX_QUESTION)) {
                errors.put(field + ".questions", "at most " + MAX_QUESTION + " characters per question");
            }
            if (content.answer().text().isBlank()) {
                errors.put(field + ".answer", "an answer");
            } else if (content.answer().html().length() > MAX_ANSWER) {
                errors.put(field + ".answer", "at most " + MAX_ANSWER + " characters");
            }
            if (!questions.isEmpty()) {
                answers.put(locale, new FaqTranslation.Content(questions, content.answer()));
            }
        });
        if (draft.answers().isEmpty()) {
            errors.put("answers", "an answer in at least one language");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return answers;
    }
}
