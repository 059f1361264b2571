package it.sportello.channel.chat.web;

import it.sportello.channel.chat.ChatSettings;
import it.sportello.channel.chat.ChatSetup;
import it.sportello.shared.ConflictException;
import it.sportello.shared.InvalidInputException;
import it.sportello.sla.Calendars;
import jakarta.servlet.http.HttpServletResponse;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The admin's page for the chat: the widget's look, its greeting, the hours, and the snippet for their site. */
@Controller
@RequestMapping("/admin/chat")
class ChatSettingsController {

    private final ChatSetup setup;

    private final Calendars calendars;

    ChatSettingsController(ChatSetup setup, Calendars calendars) {
        this.setup = setup;
        this.calendars = calendars;
    }

    /** The form as posted (an unticked box is absent); hours as typed ("09:00"), so a wrong one comes back as typed. */
    record SettingsForm(
            Boolean enabled,
            String colour,
            String position,
            String greetingIt,
            String greetingEn,
            Boolean requireContact,
            List<DayOfWeek> openDays,
            String openFrom,
            String openTo,
            Long calendarId,
            Long version) {

        static SettingsForm of(ChatSettings s) {
            return new SettingsForm(
                    s.enabled(),
                    s.colour(),
                    s.position(),
                    s.greetingIt(),
                    s.greetingEn(),
                    s.requireContact(),
                    List.copyOf(s.openDays()),
                    s.openFrom().toString(),
                    s.openTo() == null ? "" : s.openTo().toString(),
                    s.calendarId(),
                    s.version());
        }
    }

    @GetMapping
    String form(Model model) {
        model.addAttribute("settingsForm", SettingsForm.of(setup.current()));
        return show(model);
    }

    @PostMapping
    String save(
            @ModelAttribute("settingsForm") SettingsForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        LocalTime from = time(form.openFrom(), "openFrom", errors);
        LocalTime to = form.openTo() == null || form.openTo().isBlank() ? null : time(form.openTo(), "openTo", errors);
        if (!errors.hasErrors()) {
            Set<DayOfWeek> days =
                    form.openDays() == null || form.openDays().isEmpty() ? Set.of() : EnumSet.copyOf(form.openDays());
            try {
                setup.save(new ChatSettings(
                        Boolean.TRUE.equals(form.enabled()),
                        form.colour(),
                        form.position(),
                        form.greetingIt(),
                        form.greetingEn(),
                        Boolean.TRUE.equals(form.requireContact()),
                        days,
                        from,
                        to,
                        form.calendarId(),
                        form.version() == null ? -1 : form.version()));
                redirect.addFlashAttribute("saved", true);
                return "redirect:/admin/chat";
            } catch (InvalidInputException e) {
                e.fieldErrors().keySet().forEach(field -> errors.rejectValue(field, "chat.settings.error." + field));
            } catch (ConflictException e) {
                errors.reject("chat.settings.conflict");
                response.setStatus(HttpStatus.CONFLICT.value());
                return show(model);
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return show(model);
    }

    private String show(Model model) {
        Map<DayOfWeek, String> days = new LinkedHashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            days.put(day, day.getDisplayName(TextStyle.SHORT, LocaleContextHolder.getLocale()));
        }
        model.addAttribute("days", days);
        model.addAttribute("calendars", calendars.all());
        model.addAttribute(
                "snippet",
                "<script src=\""
                        + ServletUriComponentsBuilder.fromCurrentContextPath()
                                .path("/chat/widget.js")
                                .toUriString() + "\" defer></script>");
        return "chat/settings";
    }

    private static LocalTime time(String text, String field, BindingResult errors) {
        try {
            return LocalTime.parse(text == null ? "" : text.trim());
        } catch (DateTimeParseException e) {
            errors.rejectValue(field, "chat.settings.error." + field);
            return null;
        }
    }
}
