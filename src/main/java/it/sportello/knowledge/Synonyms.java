package it.sportello.knowledge;

import it.sportello.shared.InvalidInputException;
import it.sportello.shared.PlainText;
import it.sportello.shared.SequenceIds;
import it.sportello.shared.SupportedLocale;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Words the admin declares equivalent in one language ("reso, restituzione, rimborso"). A search
 * containing one of them also looks for the others. Terms are compared after the language's
 * analysis, so "rimborsi" in a query meets "rimborso" in a group. The groups are read again at
 * most every few seconds, so every node soon sees a change made on another.
 */
@Service
public class Synonyms {

    /** One group of equivalent words. */
    public record Group(long id, SupportedLocale locale, List<String> terms) {}

    private static final Duration FRESH_FOR = Duration.ofSeconds(10);

    private final JdbcTemplate jdbc;
    private final SequenceIds ids;
    private final Clock clock;
    private final Map<SupportedLocale, Analyzer> analyzers = new EnumMap<>(SupportedLocale.class);
    private volatile Cached cached = new Cached(List.of(), Instant.MIN);

    private record Cached(List<AnalysedGroup> groups, Instant readAt) {}

    private record AnalysedGroup(Group group, List<Set<String>> stems) {}

    Synonyms(JdbcTemplate jdbc, SequenceIds ids, Clock clock) {
        this.jdbc = jdbc;
        this.ids = ids;
        this.clock = clock;
        for (SupportedLocale locale : SupportedLocale.values()) {
            analyzers.put(locale, LanguageAnalyzers.forLocale(locale));
        }
    }

    @Transactional(readOnly = true)
    public List<Group> all() {
        return jdbc.query(
                "select id, locale, terms from knowledge_synonym order by locale, id",
                (rs, i) -> new Group(
                        rs.getLong("id"),
                        SupportedLocale.valueOf(rs.getString("locale")),
                        Arrays.asList(rs.getString("terms").split(","))));
    }

    /** Declares a group; its terms are comma-separated words or short phrases, at least two. */
    @Transactional
    public Group add(SupportedLocale locale, String terms) {
        List<String> clean = Arrays.stream(PlainText.line(terms).split(","))
                .map(String::strip)
                .filter(t -> !t.isEmpty())
                .distinct()
                .toList();
        if (clean.size() < 2) {
            throw new InvalidInputException("terms", "at least two words, separated by commas");
        }
        String joined = String.join(",", clean);
        if (joined.length() > 500) {
            throw new InvalidInputException("terms", "at most 500 characters");
        }
        long id = ids.next("knowledge_synonym_seq");
        jdbc.update("insert into knowledge_synonym (id, locale, terms) values (?, ?, ?)", id, locale.name(), joined);
        cached = new Cached(List.of(), Instant.MIN);
        return new Group(id, locale, clean);
    }

    @Transactional
    public void remove(long id) {
        jdbc.update("delete from knowledge_synonym where id = ?", id);
        cached = new Cached(List.of(), Instant.MIN);
    }

    /** The terms equivalent to words of this text, in its language (none when no group applies). */
    List<String> related(String text, SupportedLocale locale) {
        Set<String> words = stems(text, locale);
        List<String> related = new ArrayList<>();
        for (AnalysedGroup candidate : groups()) {
            if (candidate.group().locale() != locale) {
                continue;
            }
            boolean applies = candidate.stems().stream().anyMatch(term -> !term.isEmpty() && words.containsAll(term));
            if (applies) {
                for (int i = 0; i < candidate.stems().size(); i++) {
                    if (!words.containsAll(candidate.stems().get(i))) {
                        related.add(candidate.group().terms().get(i));
                    }
                }
            }
        }
        return related;
    }

    private List<AnalysedGroup> groups() {
        Cached current = cached;
        Instant now = clock.instant();
        if (current.readAt().plus(FRESH_FOR).isBefore(now)) {
            List<AnalysedGroup> groups = all().stream()
                    .map(g -> new AnalysedGroup(
                            g, g.terms().stream().map(t -> stems(t, g.locale())).toList()))
                    .toList();
            current = new Cached(groups, now);
            cached = current;
        }
        return current.groups();
    }

    private Set<String> stems(String text, SupportedLocale locale) {
        Set<String> stems = new LinkedHashSet<>();
        try (TokenStream tokens = analyzers.get(locale).tokenStream("text", text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                stems.add(term.toString());
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return stems;
    }
}
