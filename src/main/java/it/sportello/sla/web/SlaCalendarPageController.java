package it.sportello.sla.web;

import it.sportello.shared.ConflictException;
import it.sportello.shared.InvalidInputException;
import it.sportello.sla.CalendarDefinition;
import it.sportello.sla.CalendarId;
import it.sportello.sla.Calendars;
import jakarta.servlet.http.HttpServletResponse;
import java.time.format.TextStyle;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The business calendar form: periods per weekday (split shifts), zone, Italian holidays, closed and special days. */
@Controller
@RequestMapping("/admin/sla/calendars")
class SlaCalendarPageController {

    private final Calendars calendars;

    SlaCalendarPageController(Calendars calendars) {
        this.calendars = calendars;
    }

    @GetMapping("/new")
    String newCalendar(Model model) {
        model.addAttribute("calendarForm", SlaCalendarForm.blank());
        return form(model, null);
    }

    @GetMapping("/{id}")
    String edit(@PathVariable long id, Model model) {
        model.addAttribute("calendarForm", SlaCalendarForm.of(calendars.get(new CalendarId(id))));
        return form(model, id);
    }

    @PostMapping
    String create(
            @ModelAttribute("calendarForm") SlaCalendarForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        return save(null, form, errors, model, redirect, response);
    }

    @PostMapping("/{id}")
    String update(
            @PathVariable long id,
            @ModelAttribute("calendarForm") SlaCalendarForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        return save(id, form, errors, model, redirect, response);
    }

    @PostMapping("/{id}/default")
    String makeDefault(@PathVariable long id, RedirectAttributes redirect) {
        calendars.makeDefault(new CalendarId(id));
        redirect.addFlashAttribute("notice", "sla.calendar.made-default");
        return "redirect:/admin/sla";
    }

    private String save(
            Long id,
            SlaCalendarForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        if (!errors.hasErrors()) {
            Set<String> problems = new LinkedHashSet<>();
            CalendarDefinition definition = form.definition(problems);
            problems.forEach(field -> errors.rejectValue(field, "sla.calendar.error." + field));
            if (problems.isEmpty()) {
                try {
                    if (id == null) {
                        calendars.create(form.name(), definition);
                    } else {
                        calendars.update(new CalendarId(id), form.name(), definition, form.version());
                    }
                    redirect.addFlashAttribute("notice", "sla.calendar.saved");
                    return "redirect:/admin/sla";
                } catch (InvalidInputException e) {
                    e.fieldErrors().keySet().forEach(field -> {
                        if (field.equals("week")) {
                            errors.reject("sla.calendar.error.week");
                        } else {
                            errors.rejectValue(field, "sla.calendar.error." + field);
                        }
                    });
                } catch (ConflictException e) {
                    errors.reject("sla.calendar.conflict");
                    response.setStatus(HttpStatus.CONFLICT.value());
                    return form(model, id);
                }
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return form(model, id);
    }

    private String form(Model model, Long id) {
        model.addAttribute("calendarId", id);
        // Form field -> the weekday's name in the reader's language, Monday first.
        Map<String, String> days = new LinkedHashMap<>();
        SlaCalendarForm.fields()
                .forEach((day, field) ->
                        days.put(field, day.getDisplayName(TextStyle.FULL, LocaleContextHolder.getLocale())));
        model.addAttribute("days", days);
        return "sla/calendar";
    }
}
