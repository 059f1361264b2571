package it.sportello.knowledge;

import it.sportello.knowledge.internal.FaqCsv;
import it.sportello.shared.PlainText;
import it.sportello.shared.SafeHtml;
import it.sportello.shared.SupportedLocale;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Applies an FAQ file to the database. The whole file is read and checked first (every problem
 * named with its line), then written in the caller's transaction: a bad file changes nothing.
 * Namesakes are matched by entry and language: a file of Italian answers leaves the English ones
 * alone, unless the mode is {@link FaqImportMode#REPLACE}.
 */
@Component
class FaqImport {

    private static final int LOOKUP_CHUNK = 1000;

    private final FaqEntryRepository entries;
    private final FaqRevisions revisions;

    FaqImport(FaqEntryRepository entries, FaqRevisions revisions) {
        this.entries = entries;
        this.revisions = revisions;
    }

    record Outcome(int rows, int created, int replaced, int unchanged, int removed) {
        boolean changed() {
            return created + replaced + removed > 0;
        }

        FaqImportResult result(long revision) {
            return new FaqImportResult(rows, created, replaced, unchanged, removed, revision);
        }
    }

    Outcome apply(InputStream csv, FaqImportMode mode, String importedBy, Instant now) {
        List<FaqCsv.Row> rows;
        try {
            rows = FaqCsv.read(csv);
        } catch (FaqCsv.Problem problem) {
            throw new FaqImportException(problem.line(), problem.getMessage());
        }
        Map<String, Map<SupportedLocale, FaqTranslation.Content>> file = grouped(rows);
        Map<String, FaqEntry> existing = existing(file.keySet());
        int created = 0;
        int replaced = 0;
        int unchanged = 0;
        for (var item : file.entrySet()) {
            FaqEntry entry = existing.get(item.getKey());
            boolean isNew = entry == null;
            if (isNew) {
                entry = entries.save(new FaqEntry(item.getKey(), FaqStatus.PUBLISHED, Visibility.PUBLIC, now));
            }
            boolean changed = isNew;
            for (var answer : item.getValue().entrySet()) {
                if (!sameContent(entry.translation(answer.getKey()), answer.getValue())) {
                    entry.translate(answer.getKey(), answer.getValue(), now);
                    changed = true;
                }
            }
            if (mode == FaqImportMode.REPLACE) {
                for (SupportedLocale locale : SupportedLocale.values()) {
                    if (!item.getValue().containsKey(locale)
                            && entry.translation(locale).isPresent()) {
                        entry.removeTranslation(locale, now);
                        changed = true;
                    }
                }
            }
            if (isNew) {
                created++;
            } else if (changed) {
                replaced++;
            } else {
                unchanged++;
            }
            if (changed) {
                entries.flush();
                revisions.record(entry, importedBy, now);
            }
        }
        int removed = 0;
        if (mode == FaqImportMode.REPLACE) {
            Set<String> gone = new HashSet<>(entries.findAllFaqIds());
            gone.removeAll(file.keySet());
            for (List<String> chunk : chunks(new ArrayList<>(gone))) {
                List<FaqEntry> doomed = entries.findByFaqIdIn(chunk);
                entries.deleteAll(doomed);
                removed += doomed.size();
            }
        }
        entries.flush();
        return new Outcome(rows.size(), created, replaced, unchanged, removed);
    }

    private static boolean sameContent(Optional<FaqTranslation> current, FaqTranslation.Content wanted) {
        return current.isPresent()
                && current.get().questions().equals(wanted.questions())
                && current.get().answerHtml().equals(wanted.answer().html());
    }

    /** Checks every row and gathers them per entry and language, in file order. */
    private static Map<String, Map<SupportedLocale, FaqTranslation.Content>> grouped(List<FaqCsv.Row> rows) {
        if (rows.isEmpty()) {
            throw new FaqImportException(2, "no entries: the file has a header and nothing else");
        }
        record Pending(List<String> questions, String answer, int firstLine) {}
        Map<String, Map<SupportedLocale, Pending>> pending = new LinkedHashMap<>();
        for (FaqCsv.Row row : rows) {
            if (row.faqId().isEmpty()) {
                throw new FaqImportException(row.line(), "empty faq_id");
            }
            if (!FaqEntry.FAQ_ID.matcher(row.faqId()).matches()) {
                throw new FaqImportException(
                        row.line(),
                        "faq_id '" + row.faqId() + "': letters, digits and . _ - / ? ! only, at most 80 characters");
            }
            SupportedLocale locale = row.locale().matches("[A-Za-z]{2}")
                    ? SupportedLocale.fromCode(row.locale()).orElse(null)
                    : null;
            if (locale == null) {
                throw new FaqImportException(row.line(), "unknown locale '" + row.locale() + "'; one of it, en");
            }
            String question = PlainText.line(row.question());
            if (question.isEmpty()) {
                throw new FaqImportException(row.line(), "empty question");
            }
            if (question.length() > FaqCatalog.MAX_QUESTION) {
                throw new FaqImportException(
                        row.line(), "question longer than " + FaqCatalog.MAX_QUESTION + " characters");
            }
            if (row.answer().length() > FaqCatalog.MAX_ANSWER) {
                throw new FaqImportException(row.line(), "answer longer than " + FaqCatalog.MAX_ANSWER + " characters");
            }
            Pending current = pending.computeIfAbsent(row.faqId(), id -> new LinkedHashMap<>())
                    .computeIfAbsent(locale, l -> new Pending(new ArrayList<>(), null, row.line()));
            if (!current.questions().contains(question)) {
                current.questions().add(question);
            }
            if (current.answer() == null && !row.answer().isBlank()) {
                pending.get(row.faqId())
                        .put(locale, new Pending(current.questions(), row.answer(), current.firstLine()));
            }
        }
        Map<String, Map<SupportedLocale, FaqTranslation.Content>> grouped = new LinkedHashMap<>();
        pending.forEach((faqId, perLocale) -> perLocale.forEach((locale, item) -> {
            if (item.answer() == null) {
                throw new FaqImportException(
                        item.firstLine(), "no answer for '" + faqId + "' (" + locale.code() + ") on any of its rows");
            }
            grouped.computeIfAbsent(faqId, id -> new LinkedHashMap<>())
                    .put(locale, new FaqTranslation.Content(item.questions(), answer(item.answer())));
        }));
        return grouped;
    }

    /** Answers may be written as HTML (sanitised) or as plain text (paragraphs kept). */
    private static SafeHtml answer(String raw) {
        return raw.matches("(?s).*<[a-zA-Z][^>]*>.*") ? SafeHtml.fromUntrustedHtml(raw) : SafeHtml.fromPlainText(raw);
    }

    private Map<String, FaqEntry> existing(Set<String> faqIds) {
        Map<String, FaqEntry> found = new HashMap<>();
        for (List<String> chunk : chunks(new ArrayList<>(faqIds))) {
            entries.findByFaqIdIn(chunk).forEach(e -> found.put(e.faqId(), e));
        }
        return found;
    }

    private static List<List<String>> chunks(List<String> ids) {
        List<List<String>> chunks = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += LOOKUP_CHUNK) {
            chunks.add(ids.subList(i, Math.min(ids.size(), i + LOOKUP_CHUNK)));
        }
        return chunks;
    }
}
