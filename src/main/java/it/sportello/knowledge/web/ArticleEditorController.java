package it.sportello.knowledge.web;

import it.sportello.identity.CurrentUser;
import it.sportello.knowledge.Article;
import it.sportello.knowledge.Articles;
import it.sportello.knowledge.FaqCatalog;
import it.sportello.knowledge.FaqStatus;
import it.sportello.knowledge.Visibility;
import it.sportello.shared.ConflictException;
import it.sportello.shared.InvalidInputException;
import it.sportello.shared.PlainText;
import it.sportello.shared.SafeHtml;
import it.sportello.shared.SupportedLocale;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The staff pages of the help center's articles: the list (each with its translation), the
 * editor, and "translate into EN/IT", which starts the other language's article from this one and
 * links the two. Rights as for FAQ entries (see {@link KnowledgeStaff}).
 */
@Controller
class ArticleEditorController {

    private final Articles articles;
    private final FaqCatalog catalog;
    private final KnowledgeStaff staff;

    ArticleEditorController(Articles articles, FaqCatalog catalog, KnowledgeStaff staff) {
        this.articles = articles;
        this.catalog = catalog;
        this.staff = staff;
    }

    /** An article in the list, with its translation's id when it has one. */
    record ArticleRow(
            long id,
            SupportedLocale locale,
            String slug,
            String title,
            String category,
            FaqStatus status,
            Visibility visibility,
            long views,
            Instant updatedAt,
            String owner,
            Long translationId) {}

    @GetMapping("/knowledge/articles")
    String list(Model model) {
        List<Article> all = articles.all();
        SupportedLocale language = KnowledgeStaff.language();
        Set<Long> owners = new HashSet<>();
        all.forEach(a -> a.ownerId().ifPresent(owners::add));
        Map<Long, String> names = staff.names(owners);
        model.addAttribute(
                "articles",
                all.stream()
                        .map(a -> new ArticleRow(
                                a.id(),
                                a.locale(),
                                a.slug(),
                                a.title(),
                                a.category().map(c -> c.name(language)).orElse(null),
                                a.status(),
                                a.visibility(),
                                a.views(),
                                a.updatedAt(),
                                a.ownerId().map(names::get).orElse(null),
                                all.stream()
                                        .filter(o -> o.translationKey().equals(a.translationKey()) && o != a)
                                        .map(Article::id)
                                        .findFirst()
                                        .orElse(null)))
                        .toList());
        return "knowledge/editor/articles";
    }

    @GetMapping("/knowledge/articles/new")
    String newArticle(@RequestParam(required = false) String locale, CurrentUser user, Model model) {
        SupportedLocale language = SupportedLocale.fromCode(locale).orElseGet(KnowledgeStaff::language);
        model.addAttribute("articleForm", ArticleForm.empty(language, user.id().value()));
        return editor(null, null, user, model);
    }

    @PostMapping("/knowledge/articles")
    String create(
            @ModelAttribute("articleForm") ArticleForm form,
            BindingResult errors,
            CurrentUser user,
            HttpServletResponse response,
            RedirectAttributes redirect,
            Model model) {
        SupportedLocale locale = form.locale() == null ? SupportedLocale.IT : form.locale();
        check(form, locale, null, user, errors);
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return editor(null, null, user, model);
        }
        Article saved;
        try {
            saved = articles.create(locale, withoutVersion(form).toDraft());
        } catch (InvalidInputException e) {
            reject(e, errors);
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return editor(null, null, user, model);
        }
        return saved(saved, "knowledge.article.created", "knowledge.article.notice.created", redirect);
    }

    @GetMapping("/knowledge/articles/{id}")
    String edit(@PathVariable long id, CurrentUser user, Model model) {
        Article article = articles.get(id);
        model.addAttribute("articleForm", ArticleForm.of(article));
        return editor(article, null, user, model);
    }

    @PostMapping("/knowledge/articles/{id}")
    String update(
            @PathVariable long id,
            @ModelAttribute("articleForm") ArticleForm form,
            BindingResult errors,
            CurrentUser user,
            HttpServletResponse response,
            RedirectAttributes redirect,
            Model model) {
        Article article = articles.get(id);
        if (!KnowledgeStaff.mayPublish(user) && article.status() == FaqStatus.PUBLISHED) {
            throw new AccessDeniedException("Only supervisors may change a published article");
        }
        check(form, article.locale(), article.id(), user, errors);
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return editor(article, null, user, model);
        }
        Article saved;
        try {
            saved = articles.update(id, form.toDraft());
        } catch (ConflictException e) {
            Article current = articles.get(id);
            model.addAttribute("conflict", current);
            model.addAttribute(
                    "articleForm",
                    new ArticleForm(
                            current.locale(),
                            form.slug(),
                            form.title(),
                            form.body(),
                            form.categoryId(),
                            form.status(),
                            form.visibility(),
                            form.ownerId(),
                            current.version()));
            response.setStatus(HttpStatus.CONFLICT.value());
            return editor(current, null, user, model);
        } catch (InvalidInputException e) {
            reject(e, errors);
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return editor(article, null, user, model);
        }
        return saved(saved, "knowledge.article.updated", "knowledge.article.notice.saved", redirect);
    }

    @GetMapping("/knowledge/articles/{id}/translate")
    String newTranslation(@PathVariable long id, CurrentUser user, Model model) {
        Article original = articles.get(id);
        SupportedLocale other = other(original.locale());
        var existing = articles.translationOf(original, other);
        if (existing.isPresent()) {
            return "redirect:/knowledge/articles/" + existing.get().id();
        }
        model.addAttribute(
                "articleForm",
                ArticleForm.translationOf(original, other, user.id().value()));
        return editor(null, original, user, model);
    }

    @PostMapping("/knowledge/articles/{id}/translate")
    String translate(
            @PathVariable long id,
            @ModelAttribute("articleForm") ArticleForm form,
            BindingResult errors,
            CurrentUser user,
            HttpServletResponse response,
            RedirectAttributes redirect,
            Model model) {
        Article original = articles.get(id);
        SupportedLocale other = other(original.locale());
        check(form, other, null, user, errors);
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return editor(null, original, user, model);
        }
        Article saved;
        try {
            saved = articles.translate(id, other, withoutVersion(form).toDraft());
        } catch (ConflictException e) {
            // Someone translated it meanwhile: theirs stands, open it.
            staff.flash(redirect, "knowledge.article.notice.translated-meanwhile");
            return "redirect:/knowledge/articles/"
                    + articles.translationOf(original, other).map(Article::id).orElse(id);
        } catch (InvalidInputException e) {
            reject(e, errors);
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return editor(null, original, user, model);
        }
        return saved(saved, "knowledge.article.translated", "knowledge.article.notice.created", redirect);
    }

    @PostMapping("/knowledge/articles/{id}/delete")
    String delete(@PathVariable long id, CurrentUser user, RedirectAttributes redirect) {
        KnowledgeStaff.requireSupervisor(user);
        Article article = articles.get(id);
        articles.delete(id);
        staff.audit("knowledge.article.deleted", target(article), null);
        staff.flash(redirect, "knowledge.article.notice.deleted", article.title());
        return "redirect:/knowledge/articles";
    }

    private String saved(Article saved, String action, String notice, RedirectAttributes redirect) {
        staff.audit(
                action,
                target(saved),
                "version=" + saved.version() + " status=" + saved.status() + " visibility=" + saved.visibility());
        staff.flash(redirect, notice, saved.title());
        return "redirect:/knowledge/articles/" + saved.id();
    }

    private static String target(Article article) {
        return "article:" + article.locale().code() + "/" + article.slug();
    }

    private static SupportedLocale other(SupportedLocale locale) {
        return locale == SupportedLocale.IT ? SupportedLocale.EN : SupportedLocale.IT;
    }

    private static ArticleForm withoutVersion(ArticleForm form) {
        return new ArticleForm(
                form.locale(),
                form.slug(),
                form.title(),
                form.body(),
                form.categoryId(),
                form.status(),
                form.visibility(),
                form.ownerId(),
                null);
    }

    private void check(ArticleForm form, SupportedLocale locale, Long id, CurrentUser user, BindingResult errors) {
        String slug = PlainText.line(form.slug()).toLowerCase(Locale.ROOT);
        if (slug.isEmpty()) {
            errors.rejectValue("slug", "knowledge.error.required");
        } else if (slug.length() > Articles.MAX_SLUG
                || !Articles.SLUG.matcher(slug).matches()) {
            errors.rejectValue("slug", "knowledge.article.error.slug");
        } else if (articles.slugTaken(locale, slug, id)) {
            errors.rejectValue("slug", "knowledge.article.error.slug-taken");
        }
        String title = PlainText.line(form.title());
        if (title.isEmpty()) {
            errors.rejectValue("title", "knowledge.error.required");
        } else if (title.length() > Articles.MAX_TITLE) {
            errors.rejectValue("title", "knowledge.error.too-long", new Object[] {Articles.MAX_TITLE}, null);
        }
        SafeHtml body = SafeHtml.fromUntrustedHtml(form.body());
        if (body.text().isBlank()) {
            errors.rejectValue("body", "knowledge.error.required");
        } else if (body.html().length() > Articles.MAX_BODY) {
            errors.rejectValue("body", "knowledge.error.too-long", new Object[] {Articles.MAX_BODY}, null);
        }
        if (form.status() == null && !errors.hasFieldErrors("status")) {
            errors.rejectValue("status", "knowledge.error.required");
        }
        if (form.visibility() == null && !errors.hasFieldErrors("visibility")) {
            errors.rejectValue("visibility", "knowledge.error.required");
        }
        if (form.status() == FaqStatus.PUBLISHED && !KnowledgeStaff.mayPublish(user)) {
            errors.rejectValue("status", "knowledge.error.publish-rights");
        }
    }

    private static void reject(InvalidInputException e, BindingResult errors) {
        e.fieldErrors().forEach((field, message) -> {
            if (Set.of("slug", "title", "body", "categoryId", "status", "visibility")
                    .contains(field)) {
                errors.rejectValue(field, "knowledge.error.invalid", new Object[] {message}, message);
            } else {
                errors.reject("knowledge.error.invalid", new Object[] {message}, message);
            }
        });
    }

    private String editor(Article article, Article translationOf, CurrentUser user, Model model) {
        model.addAttribute("article", article);
        model.addAttribute("translationOf", translationOf);
        model.addAttribute(
                "translation",
                article == null
                        ? null
                        : articles.translationOf(article, other(article.locale()))
                                .orElse(null));
        model.addAttribute("otherLocale", article == null ? null : other(article.locale()));
        model.addAttribute("categories", catalog.categories());
        model.addAttribute("owners", staff.owners());
        model.addAttribute("statuses", FaqStatus.values());
        model.addAttribute("visibilities", Visibility.values());
        model.addAttribute("locales", SupportedLocale.values());
        model.addAttribute("language", KnowledgeStaff.language());
        model.addAttribute("mayPublish", KnowledgeStaff.mayPublish(user));
        model.addAttribute(
                "locked",
                article != null && article.status() == FaqStatus.PUBLISHED && !KnowledgeStaff.mayPublish(user));
        return "knowledge/editor/article-form";
    }
}
