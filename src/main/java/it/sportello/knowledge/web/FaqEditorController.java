package it.sportello.knowledge.web;

import it.sportello.identity.CurrentUser;
import it.sportello.knowledge.FaqCatalog;
import it.sportello.knowledge.FaqEntry;
import it.sportello.knowledge.FaqRevision;
import it.sportello.knowledge.FaqStatus;
import it.sportello.knowledge.FaqTranslation;
import it.sportello.knowledge.Visibility;
import it.sportello.shared.ConflictException;
import it.sportello.shared.InvalidInputException;
import it.sportello.shared.NotFoundException;
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
 * The staff side of the FAQ database ({@code /knowledge}): the list of entries with filters, the
 * editor (both languages, question variants, answer with a preview), an entry's history, and the
 * new entry a ticket suggests. Rights as {@link KnowledgeStaff} says: agents write drafts,
 * supervisors publish and delete.
 */
@Controller
class FaqEditorController {

    static final int PAGE_SIZE = 50;

    private final FaqCatalog catalog;
    private final KnowledgeStaff staff;
    private final TicketSuggestions suggestions;

    FaqEditorController(FaqCatalog catalog, KnowledgeStaff staff, TicketSuggestions suggestions) {
        this.catalog = catalog;
        this.staff = staff;
        this.suggestions = suggestions;
    }

    /** An entry in the list: its title in the reader's language, where it stands, how it is read. */
    record FaqRow(
            long id,
            String faqId,
            String question,
            String category,
            FaqStatus status,
            Visibility visibility,
            List<String> languages,
            long views,
            Instant lastReviewedAt,
            String owner) {}

    /** What the list is filtered by; blank means everything. */
    record FaqFilter(String q, Long category, FaqStatus status, Visibility visibility) {}

    @GetMapping("/knowledge")
    String list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Long category,
            @RequestParam(required = false) FaqStatus status,
            @RequestParam(required = false) Visibility visibility,
            @RequestParam(defaultValue = "1") int page,
            CurrentUser user,
            Model model) {
        FaqFilter filter = new FaqFilter(q == null ? "" : q.strip(), category, status, visibility);
        SupportedLocale language = KnowledgeStaff.language();
        List<FaqEntry> matching =
                catalog.all().stream().filter(e -> matches(e, filter)).toList();
        int pages = Math.max(1, (matching.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.min(Math.max(page, 1), pages);
        List<FaqEntry> shown =
                matching.subList((current - 1) * PAGE_SIZE, Math.min(matching.size(), current * PAGE_SIZE));
        Set<Long> owners = new HashSet<>();
        shown.forEach(e -> e.ownerId().ifPresent(owners::add));
        Map<Long, String> names = staff.names(owners);
        model.addAttribute(
                "faqs",
                shown.stream()
                        .map(e -> new FaqRow(
                                e.id(),
                                e.faqId(),
                                e.translationFor(language)
                                        .map(FaqTranslation::question)
                                        .orElse(e.faqId()),
                                e.category().map(c -> c.name(language)).orElse(null),
                                e.status(),
                                e.visibility(),
                                e.translations().stream()
                                        .map(FaqTranslation::locale)
                                        .sorted()
                                        .map(SupportedLocale::code)
                                        .toList(),
                                e.translations().stream()
                                        .mapToLong(FaqTranslation::views)
                                        .sum(),
                                e.lastReviewedAt().orElse(null),
                                e.ownerId().map(names::get).orElse(null)))
                        .toList());
        model.addAttribute("filter", filter);
        model.addAttribute("total", matching.size());
        model.addAttribute("page", current);
        model.addAttribute("pages", pages);
        model.addAttribute("categories", catalog.categories());
        model.addAttribute("statuses", FaqStatus.values());
        model.addAttribute("visibilities", Visibility.values());
        model.addAttribute("language", KnowledgeStaff.language());
        model.addAttribute("mayPublish", KnowledgeStaff.mayPublish(user));
        return "knowledge/editor/faqs";
    }

    private static boolean matches(FaqEntry entry, FaqFilter filter) {
        if (filter.status() != null && entry.status() != filter.status()) {
            return false;
        }
        if (filter.visibility() != null && entry.visibility() != filter.visibility()) {
            return false;
        }
        if (filter.category() != null
                && !entry.category().map(c -> c.id() == filter.category()).orElse(false)) {
            return false;
        }
        if (filter.q().isEmpty()) {
            return true;
        }
        String needle = filter.q().toLowerCase(Locale.ROOT);
        return entry.faqId().toLowerCase(Locale.ROOT).contains(needle)
                || entry.tags().stream().anyMatch(t -> t.contains(needle))
                || entry.translations().stream()
                        .anyMatch(t -> t.questions().stream()
                                        .anyMatch(question -> question.toLowerCase(Locale.ROOT)
                                                .contains(needle))
                                || t.answerText().toLowerCase(Locale.ROOT).contains(needle));
    }

    @GetMapping("/knowledge/faqs/new")
    String newEntry(@RequestParam(required = false) Long fromTicket, CurrentUser user, Model model) {
        FaqForm form = fromTicket == null ? FaqForm.empty(user.id().value()) : suggestions.faqFrom(fromTicket, user);
        model.addAttribute("faqForm", form);
        model.addAttribute("fromTicket", fromTicket);
        return editor(null, user, model);
    }

    @PostMapping("/knowledge/faqs")
    String create(
            @ModelAttribute("faqForm") FaqForm form,
            BindingResult errors,
            @RequestParam(required = false) Long fromTicket,
            CurrentUser user,
            HttpServletResponse response,
            RedirectAttributes redirect,
            Model model) {
        model.addAttribute("fromTicket", fromTicket);
        String faqId = form.faqId() == null ? "" : form.faqId().strip();
        if (faqId.isEmpty()) {
            errors.rejectValue("faqId", "knowledge.error.required");
        } else if (!FaqEntry.FAQ_ID.matcher(faqId).matches()) {
            errors.rejectValue("faqId", "knowledge.faq.error.faq-id");
        } else if (catalog.find(faqId).isPresent()) {
            errors.rejectValue("faqId", "knowledge.faq.error.faq-id-taken");
        }
        check(form, user, errors);
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return editor(null, user, model);
        }
        FaqEntry saved;
        try {
            saved = catalog.save(
                    new FaqForm(
                                    faqId,
                                    null,
                                    form.categoryId(),
                                    form.tags(),
                                    form.status(),
                                    form.visibility(),
                                    form.ownerId(),
                                    form.reviewed(),
                                    form.itQuestions(),
                                    form.itAnswer(),
                                    form.enQuestions(),
                                    form.enAnswer())
                            .toDraft(faqId),
                    user.displayName());
        } catch (InvalidInputException e) {
            reject(e, errors);
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return editor(null, user, model);
        }
        staff.audit(
                "knowledge.faq.created",
                "faq:" + saved.faqId(),
                "status=" + saved.status() + " visibility=" + saved.visibility()
                        + (fromTicket == null ? "" : " fromTicket=" + fromTicket));
        staff.flash(redirect, "knowledge.faq.notice.created", saved.faqId());
        return "redirect:/knowledge/faqs/" + saved.id();
    }

    @GetMapping("/knowledge/faqs/{id}")
    String edit(@PathVariable long id, CurrentUser user, Model model) {
        FaqEntry entry = entry(id);
        model.addAttribute("faqForm", FaqForm.of(entry));
        return editor(entry, user, model);
    }

    @PostMapping("/knowledge/faqs/{id}")
    String update(
            @PathVariable long id,
            @ModelAttribute("faqForm") FaqForm form,
            BindingResult errors,
            CurrentUser user,
            HttpServletResponse response,
            RedirectAttributes redirect,
            Model model) {
        FaqEntry entry = entry(id);
        if (!KnowledgeStaff.mayPublish(user) && entry.status() == FaqStatus.PUBLISHED) {
            throw new AccessDeniedException("Only supervisors may change a published entry");
        }
        check(form, user, errors);
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return editor(entry, user, model);
        }
        FaqEntry saved;
        try {
            if (form.version() == null) {
                throw new ConflictException("No version: the form was not loaded from this entry");
            }
            saved = catalog.save(form.toDraft(entry.faqId()), user.displayName());
        } catch (ConflictException e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            return conflict(id, form, user, model);
        } catch (InvalidInputException e) {
            reject(e, errors);
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return editor(entry, user, model);
        }
        staff.audit(
                "knowledge.faq.updated",
                "faq:" + saved.faqId(),
                "version=" + saved.version() + " status=" + saved.status() + " visibility=" + saved.visibility());
        staff.flash(redirect, "knowledge.faq.notice.saved", saved.faqId());
        return "redirect:/knowledge/faqs/" + saved.id();
    }

    /**
     * Someone saved the entry after this editor opened it: their version is shown beside the
     * editor's own text, kept as typed; saving again knowingly replaces theirs.
     */
    private String conflict(long id, FaqForm mine, CurrentUser user, Model model) {
        FaqEntry current = entry(id);
        List<FaqRevision> history = catalog.history(current.faqId());
        model.addAttribute("conflict", history.isEmpty() ? null : history.getFirst());
        model.addAttribute(
                "faqForm",
                new FaqForm(
                        current.faqId(),
                        current.version(),
                        mine.categoryId(),
                        mine.tags(),
                        mine.status(),
                        mine.visibility(),
                        mine.ownerId(),
                        mine.reviewed(),
                        mine.itQuestions(),
                        mine.itAnswer(),
                        mine.enQuestions(),
                        mine.enAnswer()));
        model.addAttribute("theirs", FaqForm.of(current));
        return editor(current, user, model);
    }

    @PostMapping("/knowledge/faqs/{id}/delete")
    String delete(@PathVariable long id, CurrentUser user, RedirectAttributes redirect) {
        KnowledgeStaff.requireSupervisor(user);
        FaqEntry entry = entry(id);
        catalog.delete(entry.faqId());
        staff.audit("knowledge.faq.deleted", "faq:" + entry.faqId(), null);
        staff.flash(redirect, "knowledge.faq.notice.deleted", entry.faqId());
        return "redirect:/knowledge";
    }

    @GetMapping("/knowledge/faqs/{id}/history")
    String history(@PathVariable long id, Model model) {
        FaqEntry entry = entry(id);
        model.addAttribute("entry", entry);
        model.addAttribute("revisions", catalog.history(entry.faqId()));
        return "knowledge/editor/faq-history";
    }

    /** The answer as it will be shown: what the sanitiser keeps of the HTML typed, for the editor's preview. */
    @PostMapping("/knowledge/preview")
    String preview(@RequestParam String field, @RequestParam Map<String, String> params, Model model) {
        if (!Set.of("itAnswer", "enAnswer", "body").contains(field)) {
            throw new InvalidInputException("field", "itAnswer, enAnswer or body");
        }
        model.addAttribute(
                "html",
                SafeHtml.fromUntrustedHtml(params.getOrDefault(field, "")).html());
        return "knowledge/editor/parts :: preview";
    }

    private FaqEntry entry(long id) {
        return catalog.find(id).orElseThrow(() -> new NotFoundException("FAQ entry", id));
    }

    /** The form's own checks, in the editor's words; the catalog checks again on save. */
    private static void check(FaqForm form, CurrentUser user, BindingResult errors) {
        if (form.status() == null && !errors.hasFieldErrors("status")) {
            errors.rejectValue("status", "knowledge.error.required");
        }
        if (form.visibility() == null && !errors.hasFieldErrors("visibility")) {
            errors.rejectValue("visibility", "knowledge.error.required");
        }
        if (form.status() == FaqStatus.PUBLISHED && !KnowledgeStaff.mayPublish(user)) {
            errors.rejectValue("status", "knowledge.error.publish-rights");
        }
        if (form.tags() != null && form.tags().length() > 500) {
            errors.rejectValue("tags", "knowledge.error.too-long", new Object[] {500}, null);
        }
        boolean any = false;
        for (SupportedLocale locale : SupportedLocale.values()) {
            if (!form.writes(locale)) {
                continue;
            }
            any = true;
            String prefix = locale.code();
            if (form.filledQuestions(locale).isEmpty()) {
                errors.rejectValue(prefix + "Questions", "knowledge.faq.error.question-required");
            } else if (form.filledQuestions(locale).stream().anyMatch(q -> q.length() > 1000)) {
                errors.rejectValue(prefix + "Questions", "knowledge.error.too-long", new Object[] {1000}, null);
            }
            SafeHtml answer = SafeHtml.fromUntrustedHtml(form.answer(locale));
            if (answer.text().isBlank()) {
                errors.rejectValue(prefix + "Answer", "knowledge.faq.error.answer-required");
            } else if (answer.html().length() > 20_000) {
                errors.rejectValue(prefix + "Answer", "knowledge.error.too-long", new Object[] {20_000}, null);
            }
        }
        if (!any) {
            errors.rejectValue("itQuestions", "knowledge.faq.error.no-language");
        }
    }

    /** The catalog's own refusals (rare: the form's checks come first), beside the fields they name. */
    private static void reject(InvalidInputException e, BindingResult errors) {
        e.fieldErrors().forEach((field, message) -> {
            String formField = switch (field) {
                case "faqId", "categoryId", "status", "visibility" -> field;
                case "answers.it.questions" -> "itQuestions";
                case "answers.it.answer" -> "itAnswer";
                case "answers.en.questions" -> "enQuestions";
                case "answers.en.answer" -> "enAnswer";
                default -> null;
            };
            if (formField == null) {
                errors.reject("knowledge.error.invalid", new Object[] {message}, message);
            } else {
                errors.rejectValue(formField, "knowledge.error.invalid", new Object[] {message}, message);
            }
        });
    }

    private String editor(FaqEntry entry, CurrentUser user, Model model) {
        model.addAttribute("entry", entry);
        model.addAttribute("categories", catalog.categories());
        model.addAttribute("owners", staff.owners());
        model.addAttribute("statuses", FaqStatus.values());
        model.addAttribute("visibilities", Visibility.values());
        model.addAttribute("locales", SupportedLocale.values());
        model.addAttribute("language", KnowledgeStaff.language());
        model.addAttribute("mayPublish", KnowledgeStaff.mayPublish(user));
        model.addAttribute(
                "locked", entry != null && entry.status() == FaqStatus.PUBLISHED && !KnowledgeStaff.mayPublish(user));
        return "knowledge/editor/faq-form";
    }
}
