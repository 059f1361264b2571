package it.sportello.knowledge.web;

import it.sportello.identity.CurrentUser;
import it.sportello.knowledge.Category;
import it.sportello.knowledge.FaqCatalog;
import it.sportello.knowledge.Synonyms;
import it.sportello.shared.InvalidInputException;
import it.sportello.shared.SupportedLocale;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The knowledge base's shelves and words: categories (named in both languages, in the order the
 * help center shows them) and the synonym groups search widens queries with. Staff read them;
 * supervisors change them.
 */
@Controller
class KnowledgeSettingsController {

    private final FaqCatalog catalog;
    private final Synonyms synonyms;
    private final KnowledgeStaff staff;

    KnowledgeSettingsController(FaqCatalog catalog, Synonyms synonyms, KnowledgeStaff staff) {
        this.catalog = catalog;
        this.synonyms = synonyms;
        this.staff = staff;
    }

    @GetMapping("/knowledge/categories")
    String categories(CurrentUser user, Model model) {
        return categoriesPage(Map.of("slug", "", "nameIt", "", "nameEn", "", "position", ""), Map.of(), user, model);
    }

    /** Creates a category, or renames and moves the one with this slug. */
    @PostMapping("/knowledge/categories")
    String saveCategory(
            @RequestParam(defaultValue = "") String slug,
            @RequestParam(defaultValue = "") String nameIt,
            @RequestParam(defaultValue = "") String nameEn,
            @RequestParam(defaultValue = "") String position,
            CurrentUser user,
            HttpServletResponse response,
            RedirectAttributes redirect,
            Model model) {
        KnowledgeStaff.requireSupervisor(user);
        Map<String, String> input = Map.of("slug", slug, "nameIt", nameIt, "nameEn", nameEn, "position", position);
        Map<String, String> errors = new LinkedHashMap<>();
        int order = 0;
        try {
            order = position.isBlank() ? catalog.categories().size() + 1 : Integer.parseInt(position.strip());
            if (order < 0 || order > 9999) {
                errors.put("position", staff.text("knowledge.category.error.position"));
            }
        } catch (NumberFormatException e) {
            errors.put("position", staff.text("knowledge.category.error.position"));
        }
        if (nameIt.isBlank()) {
            errors.put("nameIt", staff.text("knowledge.error.required"));
        } else if (nameIt.strip().length() > 120) {
            errors.put("nameIt", staff.text("knowledge.error.too-long", 120));
        }
        if (nameEn.isBlank()) {
            errors.put("nameEn", staff.text("knowledge.error.required"));
        } else if (nameEn.strip().length() > 120) {
            errors.put("nameEn", staff.text("knowledge.error.too-long", 120));
        }
        if (slug.isBlank()) {
            errors.put("slug", staff.text("knowledge.error.required"));
        }
        Category saved = null;
        if (errors.isEmpty()) {
            try {
                saved = catalog.saveCategory(slug, nameIt, nameEn, order);
            } catch (InvalidInputException e) {
                e.fieldErrors()
                        .forEach((field, message) -> errors.put(
                                field.equals("name") ? "nameIt" : field,
                                staff.text(
                                        field.equals("slug")
                                                ? "knowledge.category.error.slug"
                                                : "knowledge.error.required")));
            }
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return categoriesPage(input, errors, user, model);
        }
        staff.audit(
                "knowledge.category.saved",
                "category:" + saved.slug(),
                "it=" + saved.name(SupportedLocale.IT) + " en=" + saved.name(SupportedLocale.EN) + " position="
                        + saved.position());
        staff.flash(redirect, "knowledge.category.notice.saved", saved.name(KnowledgeStaff.language()));
        return "redirect:/knowledge/categories";
    }

    private String categoriesPage(
            Map<String, String> input, Map<String, String> errors, CurrentUser user, Model model) {
        model.addAttribute("categories", catalog.categories());
        model.addAttribute("language", KnowledgeStaff.language());
        model.addAttribute("italian", SupportedLocale.IT);
        model.addAttribute("english", SupportedLocale.EN);
        model.addAttribute("input", input);
        model.addAttribute("errors", errors);
        model.addAttribute("mayPublish", KnowledgeStaff.mayPublish(user));
        return "knowledge/editor/categories";
    }

    @GetMapping("/knowledge/synonyms")
    String synonyms(CurrentUser user, Model model) {
        return synonymsPage(SupportedLocale.IT, "", Map.of(), user, model);
    }

    @PostMapping("/knowledge/synonyms")
    String addSynonyms(
            @RequestParam(defaultValue = "it") String locale,
            @RequestParam(defaultValue = "") String terms,
            CurrentUser user,
            HttpServletResponse response,
            RedirectAttributes redirect,
            Model model) {
        KnowledgeStaff.requireSupervisor(user);
        SupportedLocale language = SupportedLocale.fromCode(locale).orElse(null);
        Map<String, String> errors = new LinkedHashMap<>();
        if (language == null) {
            errors.put("locale", staff.text("knowledge.synonyms.error.locale"));
        } else {
            try {
                Synonyms.Group group = synonyms.add(language, terms);
                staff.audit(
                        "knowledge.synonyms.added",
                        "synonyms:" + group.id(),
                        language.code() + ": " + String.join(", ", group.terms()));
                staff.flash(redirect, "knowledge.synonyms.notice.added", String.join(", ", group.terms()));
                return "redirect:/knowledge/synonyms";
            } catch (InvalidInputException e) {
                errors.put("terms", staff.text("knowledge.synonyms.error.terms"));
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return synonymsPage(language == null ? SupportedLocale.IT : language, terms, errors, user, model);
    }

    @PostMapping("/knowledge/synonyms/{id}/delete")
    String removeSynonyms(@PathVariable long id, CurrentUser user, RedirectAttributes redirect) {
        KnowledgeStaff.requireSupervisor(user);
        synonyms.remove(id);
        staff.audit("knowledge.synonyms.removed", "synonyms:" + id, null);
        staff.flash(redirect, "knowledge.synonyms.notice.removed");
        return "redirect:/knowledge/synonyms";
    }

    private String synonymsPage(
            SupportedLocale chosen, String terms, Map<String, String> errors, CurrentUser user, Model model) {
        Map<SupportedLocale, List<Synonyms.Group>> groups = new EnumMap<>(SupportedLocale.class);
        for (SupportedLocale locale : SupportedLocale.values()) {
            groups.put(locale, new ArrayList<>());
        }
        synonyms.all().forEach(group -> groups.get(group.locale()).add(group));
        model.addAttribute("groups", groups);
        model.addAttribute("locales", SupportedLocale.values());
        model.addAttribute("chosenLocale", chosen);
        model.addAttribute("terms", terms);
        model.addAttribute("errors", errors);
        model.addAttribute("mayPublish", KnowledgeStaff.mayPublish(user));
        return "knowledge/editor/synonyms";
    }
}
