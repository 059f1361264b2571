package it.sportello.knowledge.web;

import it.sportello.knowledge.FaqCatalog;
import it.sportello.knowledge.FaqTranslation;
import it.sportello.knowledge.KnowledgeSearch;
import it.sportello.knowledge.KnowledgeSearch.Audience;
import it.sportello.knowledge.KnowledgeSearch.Kind;
import it.sportello.shared.SupportedLocale;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Insert FAQ answer" in a ticket's reply box: the FAQ answers matching what the agent types
 * (internal ones too, as staff may use them), each with its text ready to be put into the reply.
 * Served as an htmx fragment the ticket page loads; the ticket module only links here.
 */
@Controller
class FaqPickerController {

    static final int LIMIT = 8;

    private final KnowledgeSearch search;
    private final FaqCatalog catalog;

    FaqPickerController(KnowledgeSearch search, FaqCatalog catalog) {
        this.search = search;
        this.catalog = catalog;
    }

    /** One answer to pick: its title, a snippet, and the whole text the reply box receives. */
    record Pick(String faqId, String question, String snippet, String answerText) {}

    @GetMapping("/knowledge/faqs/pick")
    String pick(
            @RequestParam(name = "q", required = false) String q,
            @RequestParam(name = "language", required = false) String language,
            Model model) {
        SupportedLocale locale = SupportedLocale.fromCode(language).orElseGet(KnowledgeStaff::language);
        List<Pick> picks = search.search(new KnowledgeSearch.Query(q, locale, Audience.STAFF, LIMIT, false)).stream()
                .filter(hit -> hit.kind() == Kind.FAQ)
                .map(hit -> catalog.find(hit.key())
                        .flatMap(entry -> entry.translation(hit.locale()))
                        .map(FaqTranslation::answerText)
                        .map(text -> new Pick(hit.key(), hit.title(), hit.snippet(), text))
                        .orElse(null))
                .filter(Objects::nonNull)
                .toList();
        model.addAttribute("picks", picks);
        model.addAttribute("query", q == null ? "" : q.strip());
        return "knowledge/editor/parts :: picks";
    }
}
