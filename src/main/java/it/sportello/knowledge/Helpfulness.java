package it.sportello.knowledge;

import it.sportello.knowledge.KnowledgeSearch.Kind;
import it.sportello.knowledge.internal.HelpCenterSettings;
import it.sportello.shared.Allowance;
import it.sportello.shared.InvalidInputException;
import it.sportello.shared.PlainText;
import it.sportello.shared.SequenceIds;
import it.sportello.shared.SupportedLocale;
import it.sportello.shared.TooManyRequestsException;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Was this helpful?" under FAQ answers and articles: readers answer yes or no, and with a no
 * may say what was missing. Per entry the report tells how often it was read, how many found it
 * helpful and what the others wrote. Votes are limited per client address.
 */
@Service
@EnableConfigurationProperties(HelpCenterSettings.class)
public class Helpfulness {

    public static final int MAX_COMMENT = 2000;
    private static final int COMMENTS_PER_ENTRY = 20;

    /**
     * A reader's answer about an FAQ entry (key: its faqId) or an article (key: its slug), read in
     * {@code locale}. A comment goes only with a no.
     */
    public record Vote(
            Kind kind,
            String key,
            SupportedLocale locale,
            boolean helpful,
            @Nullable String comment) {}

    /** A vote as kept. */
    public record Recorded(
            long id,
            Kind kind,
            String key,
            SupportedLocale locale,
            boolean helpful,
            @Nullable String comment,
            Instant at) {}

    /** A span of time, {@code from} included and {@code to} excluded. */
    public record Period(Instant from, Instant to) {
        public Period {
            if (!from.isBefore(to)) {
                throw new InvalidInputException("from", "the start must come before the end");
            }
        }
    }

    /** What a reader wrote after a no. */
    public record Comment(SupportedLocale locale, String text, Instant at) {}

    /**
     * The figures of one entry: readings (all time: views are a running count), yes and no in the
     * period, the comments of the period (newest first, at most twenty).
     */
    public record EntryFigures(
            Kind kind, String key, String title, long views, long yes, long no, List<Comment> comments) {

        public long votes() {
            return yes + no;
        }

        /** Yes out of all votes, rounded; empty with no votes. */
        public Optional<Integer> helpfulPercent() {
            return votes() == 0 ? Optional.empty() : Optional.of((int) Math.round(100.0 * yes / votes()));
        }
    }

    private final JdbcTemplate jdbc;
    private final EntityManager entityManager;
    private final FaqCatalog catalog;
    private final SequenceIds ids;
    private final Allowance perAddress;
    private final Clock clock;

    Helpfulness(
            JdbcTemplate jdbc,
            EntityManager entityManager,
            FaqCatalog catalog,
            SequenceIds ids,
            HelpCenterSettings settings,
            Clock clock) {
        this.jdbc = jdbc;
        this.entityManager = entityManager;
        this.catalog = catalog;
        this.ids = ids;
        this.perAddress = new Allowance(settings.votesPerAddress(), settings.voteWindow(), clock);
        this.clock = clock;
    }

    /**
     * Keeps a reader's vote on published public content. Refuses, naming the field, an unknown (or
     * unpublished, or internal) entry, a language it has no text in, a comment on a yes and a comment
     * longer than {@value #MAX_COMMENT} characters; refuses with 429 a client address over its allowance.
     */
    @Transactional
    public Recorded record(Vote vote, String clientAddress) {
        String comment = vote.comment() == null ? "" : PlainText.clean(vote.comment());
        Map<String, String> errors = new LinkedHashMap<>();
        if (!comment.isEmpty() && vote.helpful()) {
            errors.put("comment", "a comment goes only with a no (helpful: false)");
        } else if (comment.length() > MAX_COMMENT) {
            errors.put("comment", "at most " + MAX_COMMENT + " characters");
        }
        long targetId = target(vote, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (!perAddress.tryTake(clientAddress)) {
            throw new TooManyRequestsException(
                    "Too many votes from this address; try again later", perAddress.window());
        }
        long id = ids.next("knowledge_feedback_seq");
        Instant now = clock.instant();
        jdbc.update(
                "insert into knowledge_feedback (id, target_kind, target_id, locale, helpful, comment, created_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?)",
                id,
                vote.kind().name(),
                targetId,
                vote.locale().name(),
                vote.helpful(),
                comment.isEmpty() ? null : comment,
                Timestamp.from(now));
        return new Recorded(
                id, vote.kind(), vote.key(), vote.locale(), vote.helpful(), comment.isEmpty() ? null : comment, now);
    }

    private long target(Vote vote, Map<String, String> errors) {
        if (vote.kind() == Kind.FAQ) {
            Optional<FaqEntry> entry = vote.key() == null
                    ? Optional.empty()
                    : catalog.find(vote.key()).filter(FaqEntry::isPublic);
            if (entry.isEmpty()) {
                errors.put("faqId", "no published public FAQ entry with this id");
                return 0;
            }
            if (entry.get().translation(vote.locale()).isEmpty()) {
                errors.put("locale", "the entry has no answer in this language");
            }
            return entry.get().id();
        }
        List<Article> found = vote.key() == null
                ? List.of()
                : entityManager
                        .createQuery(
                                "select a from Article a where a.slug = :slug and a.locale = :locale", Article.class)
                        .setParameter("slug", vote.key())
                        .setParameter("locale", vote.locale())
                        .getResultList();
        if (found.isEmpty() || !found.getFirst().isPublic()) {
            errors.put("article", "no published public article with this slug in this language");
            return 0;
        }
        return found.getFirst().id();
    }

    /** Per entry read or voted on: readings, votes and comments of the period, most read first. */
    @Transactional(readOnly = true)
    public List<EntryFigures> report(Period period, SupportedLocale titles) {
        Timestamp from = Timestamp.from(period.from());
        Timestamp to = Timestamp.from(period.to());
        Map<Target, long[]> votes = new HashMap<>();
        jdbc.query(
                "select target_kind, target_id, helpful, count(*) as n from knowledge_feedback"
                        + " where created_at >= ? and created_at < ? group by target_kind, target_id, helpful",
                rs -> {
                    long[] counts = votes.computeIfAbsent(
                            new Target(Kind.valueOf(rs.getString("target_kind")), rs.getLong("target_id")),
                            t -> new long[2]);
                    counts[rs.getBoolean("helpful") ? 0 : 1] += rs.getLong("n");
                },
                from,
                to);
        Map<Target, List<Comment>> comments = new HashMap<>();
        jdbc.query(
                "select target_kind, target_id, locale, comment, created_at from knowledge_feedback"
                        + " where comment is not null and created_at >= ? and created_at < ?"
                        + " order by created_at desc, id desc",
                rs -> {
                    List<Comment> list = comments.computeIfAbsent(
                            new Target(Kind.valueOf(rs.getString("target_kind")), rs.getLong("target_id")),
                            t -> new ArrayList<>());
                    if (list.size() < COMMENTS_PER_ENTRY) {
                        list.add(new Comment(
                                SupportedLocale.valueOf(rs.getString("locale")),
                                rs.getString("comment"),
                                rs.getTimestamp("created_at").toInstant()));
                    }
                },
                from,
                to);
        List<EntryFigures> figures = new ArrayList<>();
        for (FaqEntry entry : catalog.all()) {
            Target target = new Target(Kind.FAQ, entry.id());
            long views = entry.translations().stream()
                    .mapToLong(FaqTranslation::views)
                    .sum();
            String title =
                    entry.translationFor(titles).map(FaqTranslation::question).orElse(entry.faqId());
            add(figures, target, entry.faqId(), title, views, votes, comments);
        }
        for (Article article : entityManager
                .createQuery("select a from Article a order by a.slug", Article.class)
                .getResultList()) {
            add(
                    figures,
                    new Target(Kind.ARTICLE, article.id()),
                    article.slug(),
                    article.title(),
                    article.views(),
                    votes,
                    comments);
        }
        figures.sort(Comparator.comparingLong(EntryFigures::views)
                .thenComparingLong(EntryFigures::votes)
                .reversed()
                .thenComparing(EntryFigures::key));
        return figures;
    }

    private static void add(
            List<EntryFigures> figures,
            Target target,
            String key,
            String title,
            long views,
            Map<Target, long[]> votes,
            Map<Target, List<Comment>> comments) {
        long[] counts = votes.getOrDefault(target, new long[2]);
        List<Comment> written = comments.getOrDefault(target, List.of());
        if (views > 0 || counts[0] + counts[1] > 0) {
            figures.add(new EntryFigures(target.kind(), key, title, views, counts[0], counts[1], List.copyOf(written)));
        }
    }

    private record Target(Kind kind, long id) {}
}
