package it.sportello.sla.web;

import it.sportello.shared.ConflictException;
import it.sportello.shared.InvalidInputException;
import it.sportello.sla.Calendars;
import it.sportello.sla.Standard;
import it.sportello.sla.StandardDraft;
import it.sportello.sla.StandardId;
import it.sportello.sla.StandardMeasure;
import it.sportello.sla.StandardTerms;
import it.sportello.sla.Standards;
import it.sportello.ticket.Channel;
import it.sportello.ticket.Priority;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Supervisors' pages to write the standards: the list with each one in plain words, a form to
 * create or change one (every failing field marked, a save over a newer version refused), delete.
 */
@Controller
@RequestMapping("/standards/manage")
@PreAuthorize("hasRole('SUPERVISOR')")
class StandardsManageController {

    private final Standards standards;
    private final Calendars calendars;
    private final MessageSource messages;

    StandardsManageController(Standards standards, Calendars calendars, MessageSource messages) {
        this.standards = standards;
        this.calendars = calendars;
        this.messages = messages;
    }

    record Row(long id, String name, String sentence, boolean active) {}

    @GetMapping
    String list(Model model) {
        List<Standard> all = standards.all();
        List<StandardTerms> terms = standards.terms(all);
        model.addAttribute(
                "rows",
                java.util.stream.IntStream.range(0, all.size())
                        .mapToObj(i -> new Row(
                                all.get(i).id().value(),
                                all.get(i).name(),
                                terms.get(i).sentence(messages, LocaleContextHolder.getLocale()),
                                all.get(i).active()))
                        .toList());
        return "sla/standards-manage";
    }

    @GetMapping("/new")
    String create(Model model) {
        model.addAttribute("standardsForm", StandardsForm.blank());
        return form(model, null);
    }

    @GetMapping("/{id}")
    String edit(@PathVariable long id, Model model) {
        model.addAttribute("standardsForm", StandardsForm.of(standards.get(new StandardId(id))));
        return form(model, id);
    }

    @PostMapping({"/new", "/{id}"})
    String save(
            @PathVariable(required = false) Long id,
            @ModelAttribute("standardsForm") StandardsForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        Map<String, String> unreadable = new LinkedHashMap<>();
        if (errors.hasErrors()) {
            // A value that does not even bind (a measure or channel not offered) is a field error like any other.
            errors.getFieldErrors().forEach(e -> unreadable.put(e.getField(), "unreadable"));
        }
        StandardDraft draft = form.toDraft(unreadable);
        try {
            if (!unreadable.isEmpty()) {
                standards.check(draft, id == null ? null : new StandardId(id), unreadable);
            }
            if (id == null) {
                standards.create(draft);
            } else {
                standards.update(new StandardId(id), draft, form.version() == null ? -1 : form.version());
            }
            redirect.addFlashAttribute("notice", "standards.manage.saved");
            return "redirect:/standards/manage";
        } catch (InvalidInputException e) {
            e.fieldErrors().keySet().forEach(field -> {
                String input = field.equals("threshold") ? "amount" : field;
                if (errors.getFieldError(input) == null) {
                    errors.rejectValue(input, "standards.error." + field);
                }
            });
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        } catch (ConflictException e) {
            errors.reject("standards.form.conflict");
            response.setStatus(HttpStatus.CONFLICT.value());
        }
        return form(model, id);
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable long id, @RequestParam(required = false) Long version, RedirectAttributes redirect) {
        standards.delete(new StandardId(id), version);
        redirect.addFlashAttribute("notice", "standards.manage.deleted");
        return "redirect:/standards/manage";
    }

    private String form(Model model, Long id) {
        model.addAttribute("standardId", id);
        model.addAttribute("measures", StandardMeasure.values());
        model.addAttribute("channels", Channel.values());
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("calendars", calendars.all());
        model.addAttribute("defaultCalendar", calendars.defaultCalendar().name());
        return "sla/standards-edit";
    }
}
