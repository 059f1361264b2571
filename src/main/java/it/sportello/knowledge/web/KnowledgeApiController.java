package it.sportello.knowledge.web;

import it.sportello.identity.CurrentUser;
import it.sportello.identity.Role;
import it.sportello.knowledge.FaqCatalog;
import it.sportello.knowledge.FaqImportException;
import it.sportello.knowledge.FaqImportMode;
import it.sportello.knowledge.FaqImportResult;
import it.sportello.knowledge.FaqSnapshot;
import it.sportello.knowledge.KnowledgeSearch;
import it.sportello.knowledge.KnowledgeSearch.Audience;
import it.sportello.knowledge.internal.FaqCsv;
import it.sportello.shared.InvalidInputException;
import it.sportello.shared.SupportedLocale;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The FAQ database for integrators: import a CSV file (upsert or replace, all or nothing),
 * export it as CSV or JSON, and search it. Search is open to anyone for published public
 * content (rate-limited like every public call); staff tokens also find internal entries.
 */
@RestController
@RequestMapping("/api/v1/knowledge")
class KnowledgeApiController {

    private final FaqCatalog catalog;
    private final KnowledgeSearch search;

    KnowledgeApiController(FaqCatalog catalog, KnowledgeSearch search) {
        this.catalog = catalog;
        this.search = search;
    }

    @PostMapping(path = "/faqs/import", consumes = "text/csv")
    @PreAuthorize("hasRole('SUPERVISOR')")
    FaqImportResult importFaqs(
            @RequestParam(required = false) String mode, CurrentUser user, HttpServletRequest request)
            throws IOException {
        FaqImportMode importMode =
                FaqImportMode.fromCode(mode).orElseThrow(() -> new InvalidInputException("mode", "upsert or replace"));
        return catalog.importCsv(request.getInputStream(), importMode, user.displayName());
    }

    @ExceptionHandler(FaqImportException.class)
    ProblemDetail badFile(FaqImportException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, "Line " + e.line() + ": " + e.getMessage() + ". Nothing was imported.");
        problem.setTitle("The FAQ file cannot be imported");
        problem.setProperty("line", e.line());
        problem.setProperty("problem", e.getMessage());
        return problem;
    }

    @GetMapping(path = "/faqs/export", produces = "text/csv")
    @PreAuthorize("hasRole('AGENT')")
    void exportCsv(HttpServletResponse response) throws IOException {
        List<FaqCsv.Row> rows = new ArrayList<>();
        for (FaqSnapshot entry : snapshots()) {
            for (FaqSnapshot.Answer answer : entry.answers()) {
                for (int i = 0; i < answer.questions().size(); i++) {
                    rows.add(new FaqCsv.Row(
                            0,
                            entry.faqId(),
                            answer.locale(),
                            answer.questions().get(i),
                            i == 0 ? answer.answerHtml() : ""));
                }
            }
        }
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"faq.csv\"");
        FaqCsv.write(rows, new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
    }

    @GetMapping(path = "/faqs/export", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('AGENT')")
    List<FaqSnapshot> exportJson() {
        return snapshots();
    }

    private List<FaqSnapshot> snapshots() {
        return catalog.all().stream().map(FaqSnapshot::of).toList();
    }

    record SearchResults(String query, String locale, List<Result> results) {}

    record Result(String kind, String id, String question, String snippet, float score) {}

    @GetMapping("/search")
    SearchResults search(
            @RequestParam(name = "q", required = false) String q,
            @RequestParam(required = false) String locale,
            @RequestParam(defaultValue = "10") int limit,
            @Nullable CurrentUser user) {
        if (q == null || q.isBlank()) {
            throw new InvalidInputException("q", "the words to search for");
        }
        if (q.length() > 200) {
            throw new InvalidInputException("q", "at most 200 characters");
        }
        SupportedLocale language = locale == null
                ? SupportedLocale.IT
                : SupportedLocale.fromCode(locale)
                        .filter(l -> locale.strip().length() == 2)
                        .orElseThrow(() -> new InvalidInputException("locale", "unknown locale; one of it, en"));
        if (limit < 1 || limit > 50) {
            throw new InvalidInputException("limit", "between 1 and 50");
        }
        Audience audience = user != null && user.hasAtLeast(Role.AGENT) ? Audience.STAFF : Audience.PUBLIC;
        List<Result> results = search.search(new KnowledgeSearch.Query(q, language, audience, limit, true)).stream()
                .map(hit -> new Result(
                        hit.kind().name().toLowerCase(Locale.ROOT), hit.key(), hit.title(), hit.snippet(), hit.score()))
                .toList();
        return new SearchResults(q.strip(), language.code(), results);
    }
}
