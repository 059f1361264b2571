package it.sportello.knowledge.web;

import it.sportello.knowledge.Deflections;
import it.sportello.knowledge.Helpfulness;
import it.sportello.knowledge.Helpfulness.EntryFigures;
import it.sportello.knowledge.KnowledgeSearch.Kind;
import it.sportello.knowledge.SearchMisses;
import it.sportello.shared.InvalidInputException;
import it.sportello.shared.SupportedLocale;
import it.sportello.shared.web.Dates;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * "Was this helpful?" for integrators: anyone may answer for published public content (limited
 * per client address); staff read the report: per entry readings, yes, no, helpful share and
 * comments, the searches that found nothing and the requests the help center deflected.
 */
@RestController
@RequestMapping("/api/v1/knowledge/feedback")
class FeedbackApiController {

    private static final int MISSES = 50;

    private final Helpfulness helpfulness;
    private final Deflections deflections;
    private final SearchMisses misses;
    private final Dates dates;
    private final Clock clock;

    FeedbackApiController(
            Helpfulness helpfulness, Deflections deflections, SearchMisses misses, Dates dates, Clock clock) {
        this.helpfulness = helpfulness;
        this.deflections = deflections;
        this.misses = misses;
        this.dates = dates;
        this.clock = clock;
    }

    /** A reader's answer: {@code faqId} or {@code article} (a slug), the language read, yes or no, a comment with a no. */
    record FeedbackRequest(
            @Nullable String faqId,
            @Nullable String article,
            @Nullable String locale,
            @Nullable Boolean helpful,
            @Nullable String comment) {}

    record FeedbackView(
            long id,
            String kind,
            String key,
            String locale,
            boolean helpful,
            @Nullable String comment,
            Instant createdAt) {}

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    FeedbackView record(@RequestBody FeedbackRequest body, HttpServletRequest request) {
        Map<String, String> errors = new LinkedHashMap<>();
        boolean faq = body.faqId() != null && !body.faqId().isBlank();
        boolean article = body.article() != null && !body.article().isBlank();
        if (faq == article) {
            errors.put("faqId", "either faqId or article (a slug), not both");
        }
        SupportedLocale language = null;
        if (body.locale() == null || body.locale().isBlank()) {
            errors.put("locale", "the language the reader read: it or en");
        } else {
            language = SupportedLocale.fromCode(body.locale())
                    .filter(l -> body.locale().strip().length() == 2)
                    .orElse(null);
            if (language == null) {
                errors.put("locale", "unknown locale; one of it, en");
            }
        }
        if (body.helpful() == null) {
            errors.put("helpful", "true or false");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Helpfulness.Recorded vote = helpfulness.record(
                new Helpfulness.Vote(
                        faq ? Kind.FAQ : Kind.ARTICLE,
                        (faq ? body.faqId() : body.article()).strip(),
                        language,
                        body.helpful(),
                        body.comment()),
                request.getRemoteAddr());
        return new FeedbackView(
                vote.id(),
                code(vote.kind()),
                vote.key(),
                vote.locale().code(),
                vote.helpful(),
                vote.comment(),
                vote.at());
    }

    record Report(
            LocalDate from,
            LocalDate to,
            List<EntryView> entries,
            List<MissView> searchMisses,
            DeflectionView deflections) {}

    record EntryView(
            String kind,
            String id,
            String title,
            long views,
            long yes,
            long no,
            @Nullable Integer helpfulPercent,
            List<CommentView> comments) {}

    record CommentView(String locale, String text, Instant createdAt) {}

    record MissView(String locale, String query, long times, Instant lastSearchedAt) {}

    record DeflectionView(long opened, long submitted, long deflected, long pending) {}

    @GetMapping("/report")
    @PreAuthorize("hasRole('AGENT')")
    Report report(
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String locale) {
        ReportPeriod period = ReportPeriod.of(from, to, dates.zone(), clock);
        SupportedLocale titles = SupportedLocale.fromCode(locale).orElse(SupportedLocale.IT);
        List<EntryView> entries = helpfulness.report(period.period(), titles).stream()
                .map(FeedbackApiController::view)
                .toList();
        List<MissView> missed = misses.mostFrequent(MISSES).stream()
                .map(m -> new MissView(m.locale().code(), m.query(), m.times(), m.lastSearchedAt()))
                .toList();
        Deflections.Counts counts = deflections.count(period.period());
        return new Report(
                period.from(),
                period.to(),
                entries,
                missed,
                new DeflectionView(counts.opened(), counts.submitted(), counts.deflected(), counts.pending()));
    }

    private static EntryView view(EntryFigures figures) {
        return new EntryView(
                code(figures.kind()),
                figures.key(),
                figures.title(),
                figures.views(),
                figures.yes(),
                figures.no(),
                figures.helpfulPercent().orElse(null),
                figures.comments().stream()
                        .map(c -> new CommentView(c.locale().code(), c.text(), c.at()))
                        .toList());
    }

    private static String code(Kind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }
}
