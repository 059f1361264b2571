package it.sportello.knowledge.web;

import it.sportello.knowledge.Articles;
import it.sportello.knowledge.Deflections;
import it.sportello.knowledge.HelpCenter;
import it.sportello.knowledge.Helpfulness;
import it.sportello.knowledge.KnowledgeSearch;
import it.sportello.knowledge.KnowledgeSearch.Audience;
import it.sportello.knowledge.KnowledgeSearch.Hit;
import it.sportello.knowledge.KnowledgeSearch.Kind;
import it.sportello.shared.InvalidInputException;
import it.sportello.shared.NotFoundException;
import it.sportello.shared.PlainText;
import it.sportello.shared.SupportedLocale;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public help center: home (search, categories, popular questions), a category's questions,
 * one answer per page with "was this helpful?", search results (also as the visitor types), and the
 * answers the contact form suggests while its subject is written. Visitors see published public
 * content only; everything else is simply not there (404).
 */
@Controller
class HelpCenterController {

    static final int POPULAR = 8;
    static final int RESULTS = 20;
    static final int LIVE_RESULTS = 6;
    static final int SUGGESTIONS = 4;
    private static final int MIN_SUGGEST = 3;

    private final HelpCenter help;
    private final KnowledgeSearch search;
    private final Helpfulness helpfulness;
    private final Deflections deflections;
    private final Articles articles;

    HelpCenterController(
            HelpCenter help,
            KnowledgeSearch search,
            Helpfulness helpfulness,
            Deflections deflections,
            Articles articles) {
        this.articles = articles;
        this.help = help;
        this.search = search;
        this.helpfulness = helpfulness;
        this.deflections = deflections;
    }

    /** The reader's language, for names kept in both (categories). */
    @ModelAttribute("language")
    SupportedLocale readersLanguage(Locale locale) {
        return language(locale);
    }

    @GetMapping("/help")
    String home(Locale locale, Model model) {
        SupportedLocale language = language(locale);
        model.addAttribute("categories", help.categories());
        model.addAttribute("popular", help.popular(language, POPULAR));
        model.addAttribute("q", "");
        return "knowledge/help/home";
    }

    @GetMapping("/help/categories/{slug}")
    String category(@PathVariable String slug, Locale locale, Model model) {
        var category = help.category(slug).orElseThrow(() -> new NotFoundException("category", slug));
        model.addAttribute("category", category);
        model.addAttribute("answers", help.inCategory(category, language(locale)));
        model.addAttribute("articles", articles.publishedIn(slug, language(locale)));
        model.addAttribute("q", "");
        return "knowledge/help/category";
    }

    @GetMapping("/help/faq/{*faqId}")
    String answer(
            @PathVariable String faqId,
            @RequestParam(name = "suggested", required = false) String suggested,
            @RequestParam(name = "voted", required = false) String voted,
            Locale locale,
            Model model) {
        HelpCenter.Answer answer = publicAnswer(faqId, locale);
        // Coming back from a vote is the same reading, not a new one.
        if (voted == null) {
            help.countView(answer);
        }
        if (suggested != null) {
            deflections.opened(suggested, answer);
        }
        model.addAttribute("vote", voted == null ? VoteForm.empty() : VoteForm.answered());
        return answerPage(answer, model);
    }

    /**
     * The vote under an answer or an article: a plain form post (then back to the page), or htmx
     * swapping the box. Unknown, unpublished and internal content is not found (404).
     */
    @PostMapping("/help/feedback")
    String vote(
            @RequestParam(required = false) String faqId,
            @RequestParam(required = false) String article,
            @RequestParam(required = false) String locale,
            @RequestParam(required = false) String helpful,
            @RequestParam(required = false) String comment,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Locale readerLocale,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        HelpCenter.Answer answer = null;
        FeedbackBox box;
        if (faqId != null) {
            answer = publicAnswer(faqId, readerLocale);
            box = FeedbackBox.of(answer);
        } else if (article != null) {
            SupportedLocale language =
                    SupportedLocale.fromCode(locale).orElseThrow(() -> new InvalidInputException("locale", "it or en"));
            box = FeedbackBox.article(article, language);
        } else {
            throw new InvalidInputException("faqId", "an FAQ entry or an article");
        }
        if (!"yes".equals(helpful) && !"no".equals(helpful)) {
            throw new InvalidInputException("helpful", "yes or no");
        }
        model.addAttribute("feedback", box);
        try {
            helpfulness.record(
                    new Helpfulness.Vote(box.kind(), box.key(), box.language(), "yes".equals(helpful), comment),
                    request.getRemoteAddr());
        } catch (InvalidInputException e) {
            if (!e.fieldErrors().containsKey("comment")) {
                throw new NotFoundException("help-center content", box.key());
            }
            String problem =
                    "yes".equals(helpful) ? "help.feedback.error.comment-on-yes" : "help.feedback.error.comment-length";
            model.addAttribute("vote", new VoteForm(false, PlainText.clean(comment), problem));
            if (htmx != null) {
                // htmx swaps only successful answers: the box comes back with the problem shown in it.
                return "knowledge/help/parts :: feedback";
            }
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            if (answer != null) {
                return answerPage(answer, model);
            }
            model.addAttribute("q", "");
            return "knowledge/help/feedback";
        }
        model.addAttribute("vote", VoteForm.answered());
        if (htmx != null) {
            return "knowledge/help/parts :: feedback";
        }
        return "redirect:" + box.page() + "?voted=" + helpful + "#feedback";
    }

    @GetMapping("/help/search")
    String search(
            @RequestParam(name = "q", required = false) String q,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Locale locale,
            HttpServletResponse response,
            Model model) {
        response.addHeader("Vary", "HX-Request");
        String text = PlainText.line(q);
        boolean live = htmx != null;
        // Results typed letter by letter are not misses: only a search the visitor sent counts.
        List<Hit> hits = search.search(new KnowledgeSearch.Query(
                text, language(locale), Audience.PUBLIC, live ? LIVE_RESULTS : RESULTS, !live));
        model.addAttribute("q", text);
        model.addAttribute("hits", hits);
        model.addAttribute("live", live);
        return live ? "knowledge/help/parts :: results" : "knowledge/help/search";
    }

    /** Answers for what a visitor is writing (the contact form's subject), linked with the visit's token. */
    @GetMapping("/help/suggest")
    String suggest(
            @RequestParam(name = "q", required = false) String q,
            @RequestParam(name = "subject", required = false) String subject,
            @RequestParam(name = "source", required = false) String source,
            @RequestParam(name = "token", required = false) String token,
            @RequestParam(name = "suggestionToken", required = false) String formToken,
            Locale locale,
            Model model) {
        // The contact form sends its own field names: the subject, and the visit's token.
        String visit = token != null ? token : formToken;
        String text = PlainText.line(q != null ? q : subject);
        List<Hit> hits = text.length() < MIN_SUGGEST
                ? List.of()
                : search
                        .search(new KnowledgeSearch.Query(
                                text, language(locale), Audience.PUBLIC, SUGGESTIONS * 2, false))
                        .stream()
                        .filter(hit -> hit.kind() == Kind.FAQ)
                        .limit(SUGGESTIONS)
                        .toList();
        boolean fromContact = "contact".equals(source) && Deflections.isToken(visit);
        model.addAttribute("suggestions", hits);
        model.addAttribute("suggestedQuery", fromContact ? "?suggested=" + encode(visit) : "");
        return "knowledge/help/parts :: suggestions";
    }

    private HelpCenter.Answer publicAnswer(String faqId, Locale locale) {
        String id = faqId.startsWith("/") ? faqId.substring(1) : faqId;
        return help.answer(id, language(locale)).orElseThrow(() -> new NotFoundException("FAQ entry", id));
    }

    private String answerPage(HelpCenter.Answer answer, Model model) {
        model.addAttribute("answer", answer);
        model.addAttribute("feedback", FeedbackBox.of(answer));
        model.addAttribute("q", "");
        return "knowledge/help/faq";
    }

    static SupportedLocale language(Locale locale) {
        return SupportedLocale.fromCode(locale.getLanguage()).orElse(SupportedLocale.IT);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
