package it.sportello.knowledge.web;

import it.sportello.knowledge.Article;
import it.sportello.knowledge.Articles;
import it.sportello.shared.NotFoundException;
import it.sportello.shared.SupportedLocale;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * An article of the public help center ({@code /help/articles/{slug}}) in the reader's language,
 * with a link to its translation when there is one. Only published public articles exist for
 * visitors (anything else is "not found", so drafts leave no trace); each reading is counted.
 */
@Controller
class HelpArticleController {

    private final Articles articles;

    HelpArticleController(Articles articles) {
        this.articles = articles;
    }

    @GetMapping("/help/articles/{slug}")
    String article(
            @PathVariable String slug,
            @org.springframework.web.bind.annotation.RequestParam(name = "voted", required = false) String voted,
            Model model) {
        SupportedLocale language = KnowledgeStaff.language();
        SupportedLocale other = language == SupportedLocale.IT ? SupportedLocale.EN : SupportedLocale.IT;
        Optional<Article> found = articles.findPublic(language, slug);
        if (found.isEmpty()) {
            // A link to the other language's slug leads to its translation in the reader's language, if any,
            // else to the article as it is written.
            Optional<Article> elsewhere = articles.findPublic(other, slug);
            Optional<Article> translated =
                    elsewhere.flatMap(a -> articles.translationOf(a, language)).filter(Article::isPublic);
            if (translated.isPresent()) {
                return "redirect:/help/articles/" + translated.get().slug();
            }
            Article article = elsewhere.orElseThrow(() -> new NotFoundException("Article", slug));
            return show(article, voted, model);
        }
        Article article = found.get();
        Optional<Article> translation = articles.translationOf(article, other).filter(Article::isPublic);
        // The language switch leads to the translation (its own slug), not to this slug in the other language.
        Map<String, String> languageLinks = new LinkedHashMap<>();
        languageLinks.put(language.code(), "/help/articles/" + article.slug() + "?lang=" + language.code());
        languageLinks.put(
                other.code(),
                translation
                        .map(t -> "/help/articles/" + t.slug() + "?lang=" + other.code())
                        .orElse("/help?lang=" + other.code()));
        model.addAttribute("languageLinks", languageLinks);
        model.addAttribute("translation", translation.orElse(null));
        return show(article, voted, model);
    }

    /** The article with "was this helpful?" under it; coming back from a vote is not a new reading. */
    private String show(Article article, String voted, Model model) {
        if (voted == null) {
            articles.countView(article);
        }
        model.addAttribute("article", article);
        model.addAttribute("feedback", FeedbackBox.article(article.slug(), article.locale()));
        model.addAttribute("vote", voted == null ? VoteForm.empty() : VoteForm.answered());
        return "knowledge/articles/article";
    }
}
