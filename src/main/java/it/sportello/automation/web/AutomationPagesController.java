package it.sportello.automation.web;

import it.sportello.automation.AcknowledgementDraft;
import it.sportello.automation.AcknowledgementTemplate;
import it.sportello.automation.AcknowledgementTemplates;
import it.sportello.automation.Action;
import it.sportello.automation.ActionType;
import it.sportello.automation.Condition;
import it.sportello.automation.ConditionKind;
import it.sportello.automation.MacroDraft;
import it.sportello.automation.Macros;
import it.sportello.automation.Placeholders;
import it.sportello.automation.TimeMeasure;
import it.sportello.automation.TimeRuleDraft;
import it.sportello.automation.TimeRules;
import it.sportello.automation.TriggerDraft;
import it.sportello.automation.TriggerEvent;
import it.sportello.automation.Triggers;
import it.sportello.identity.UserManagement;
import it.sportello.shared.ConflictException;
import it.sportello.shared.EnumCodes;
import it.sportello.shared.InvalidInputException;
import it.sportello.shared.NotFoundException;
import it.sportello.sla.Calendars;
import it.sportello.ticket.Channel;
import it.sportello.ticket.TicketStatus;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * The supervisors' page for automations: the triggers in their running order, the time rules, the
 * macros and the acknowledgement templates; forms with the error beside each field, a refused stale
 * save, activation, reordering and deletion after a confirmation.
 */
@Controller
@RequestMapping("/admin/automations")
@PreAuthorize("hasRole('SUPERVISOR')")
class AutomationPagesController {

    private static final Pattern ROW = Pattern.compile("^(conditions|actions)\\[(\\d+)](.*)$");

    private final Triggers triggers;
    private final TimeRules timeRules;
    private final Macros macros;
    private final AcknowledgementTemplates acknowledgements;
    private final UserManagement users;
    private final Calendars calendars;
    private final MessageSource messages;

    AutomationPagesController(
            Triggers triggers,
            TimeRules timeRules,
            Macros macros,
            AcknowledgementTemplates acknowledgements,
            UserManagement users,
            Calendars calendars,
            MessageSource messages) {
        this.triggers = triggers;
        this.timeRules = timeRules;
        this.macros = macros;
        this.acknowledgements = acknowledgements;
        this.users = users;
        this.calendars = calendars;
        this.messages = messages;
    }

    @GetMapping
    String overview(Model model) {
        model.addAttribute("triggers", triggers.all());
        model.addAttribute("timeRules", timeRules.all());
        model.addAttribute("macros", macros.all());
        model.addAttribute("acknowledgements", acknowledgements.all());
        model.addAttribute(
                "groupNames",
                users.groups().stream().collect(java.util.stream.Collectors.toMap(g -> g.id().value(), g -> g.name())));
        return "automation/index";
    }

    // Triggers

    @GetMapping("/triggers/new")
    String newTrigger(Model model) {
        return form(model, "trigger", null, new RuleForm());
    }

    @GetMapping("/triggers/{id}")
    String editTrigger(@PathVariable long id, Model model) {
        return form(model, "trigger", id, RuleForm.of(triggers.get(id)));
    }

    @PostMapping({"/triggers", "/triggers/{id}"})
    String saveTrigger(
            @PathVariable(required = false) Long id,
            @ModelAttribute("ruleForm") RuleForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        TriggerEvent event = parse(TriggerEvent.class, form.getEvent());
        return save(model, "trigger", id, form, errors, response, redirect, "automation.saved.trigger", () -> {
            TriggerDraft draft = new TriggerDraft(
                    form.getName(), event, form.isActive(), form.isMatchAny(), conditions(form), actions(form));
            return id == null ? triggers.create(draft) : triggers.update(id, draft, form.getVersion());
        });
    }

    @PostMapping("/triggers/{id}/active")
    String activateTrigger(@PathVariable long id, @RequestParam boolean active, RedirectAttributes redirect) {
        triggers.activate(id, active);
        return done(redirect, active ? "automation.saved.activated" : "automation.saved.deactivated", "triggers");
    }

    @PostMapping("/triggers/{id}/move")
    String moveTrigger(@PathVariable long id, @RequestParam String direction, RedirectAttributes redirect) {
        triggers.move(id, "up".equals(direction));
        return done(redirect, "automation.saved.moved", "triggers");
    }

    @GetMapping("/triggers/{id}/delete")
    String confirmTriggerDeletion(@PathVariable long id, Model model) {
        var trigger = triggers.get(id);
        return confirm(model, "triggers", id, trigger.name(), trigger.version());
    }

    @PostMapping("/triggers/{id}/delete")
    String deleteTrigger(
            @PathVariable long id, @RequestParam(required = false) Long version, RedirectAttributes redirect) {
        triggers.delete(id, version);
        return done(redirect, "automation.saved.deleted", "triggers");
    }

    // Time rules

    @GetMapping("/time-rules/new")
    String newTimeRule(Model model) {
        return form(model, "time-rule", null, new RuleForm());
    }

    @GetMapping("/time-rules/{id}")
    String editTimeRule(@PathVariable long id, Model model) {
        return form(model, "time-rule", id, RuleForm.of(timeRules.get(id)));
    }

    @PostMapping({"/time-rules", "/time-rules/{id}"})
    String saveTimeRule(
            @PathVariable(required = false) Long id,
            @ModelAttribute("ruleForm") RuleForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        return save(model, "time-rule", id, form, errors, response, redirect, "automation.saved.time-rule", () -> {
            Integer hours = null;
            try {
                hours = Integer.valueOf(
                        form.getAfterHours() == null ? "" : form.getAfterHours().trim());
            } catch (NumberFormatException e) {
                // reported by the rules as a missing wait
            }
            TimeRuleDraft draft = new TimeRuleDraft(
                    form.getName(),
                    form.isActive(),
                    parse(TimeMeasure.class, form.getMeasure()),
                    parse(TicketStatus.class, form.getStatus()),
                    hours,
                    form.isBusinessHours(),
                    form.getCalendarId(),
                    form.isMatchAny(),
                    conditions(form),
                    actions(form));
            return id == null ? timeRules.create(draft) : timeRules.update(id, draft, form.getVersion());
        });
    }

    @PostMapping("/time-rules/{id}/active")
    String activateTimeRule(@PathVariable long id, @RequestParam boolean active, RedirectAttributes redirect) {
        timeRules.activate(id, active);
        return done(redirect, active ? "automation.saved.activated" : "automation.saved.deactivated", "time-rules");
    }

    @GetMapping("/time-rules/{id}/delete")
    String confirmTimeRuleDeletion(@PathVariable long id, Model model) {
        var rule = timeRules.get(id);
        return confirm(model, "time-rules", id, rule.name(), rule.version());
    }

    @PostMapping("/time-rules/{id}/delete")
    String deleteTimeRule(
            @PathVariable long id, @RequestParam(required = false) Long version, RedirectAttributes redirect) {
        timeRules.delete(id, version);
        return done(redirect, "automation.saved.deleted", "time-rules");
    }

    // Macros

    @GetMapping("/macros/new")
    String newMacro(Model model) {
        return form(model, "macro", null, new RuleForm());
    }

    @GetMapping("/macros/{id}")
    String editMacro(@PathVariable long id, Model model) {
        return form(model, "macro", id, RuleForm.of(macros.get(id)));
    }

    @PostMapping({"/macros", "/macros/{id}"})
    String saveMacro(
            @PathVariable(required = false) Long id,
            @ModelAttribute("ruleForm") RuleForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        return save(model, "macro", id, form, errors, response, redirect, "automation.saved.macro", () -> {
            MacroDraft draft = new MacroDraft(
                    form.getName(),
                    form.isActive(),
                    form.getGroupId(),
                    form.getReplyIt(),
                    form.getReplyEn(),
                    actions(form));
            return id == null ? macros.create(draft) : macros.update(id, draft, form.getVersion());
        });
    }

    @PostMapping("/macros/{id}/active")
    String activateMacro(@PathVariable long id, @RequestParam boolean active, RedirectAttributes redirect) {
        macros.activate(id, active);
        return done(redirect, active ? "automation.saved.activated" : "automation.saved.deactivated", "macros");
    }

    @GetMapping("/macros/{id}/delete")
    String confirmMacroDeletion(@PathVariable long id, Model model) {
        var macro = macros.get(id);
        return confirm(model, "macros", id, macro.name(), macro.version());
    }

    @PostMapping("/macros/{id}/delete")
    String deleteMacro(
            @PathVariable long id, @RequestParam(required = false) Long version, RedirectAttributes redirect) {
        macros.delete(id, version);
        return done(redirect, "automation.saved.deleted", "macros");
    }

    // Acknowledgements

    /** The acknowledgement form as posted. */
    record AcknowledgementForm(
            Boolean active, String subjectIt, String bodyIt, String subjectEn, String bodyEn, Long version) {

        static AcknowledgementForm of(AcknowledgementTemplate t) {
            return new AcknowledgementForm(
                    t.active(), t.subjectIt(), t.bodyIt(), t.subjectEn(), t.bodyEn(), t.version());
        }
    }

    @GetMapping("/acknowledgements/{channel}")
    String editAcknowledgement(@PathVariable String channel, Model model) {
        Channel which = acknowledging(channel);
        model.addAttribute("ackForm", AcknowledgementForm.of(acknowledgements.get(which)));
        return acknowledgementPage(model, which);
    }

    @PostMapping("/acknowledgements/{channel}")
    String saveAcknowledgement(
            @PathVariable String channel,
            @ModelAttribute("ackForm") AcknowledgementForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        Channel which = acknowledging(channel);
        try {
            acknowledgements.update(
                    which,
                    new AcknowledgementDraft(
                            Boolean.TRUE.equals(form.active()),
                            form.subjectIt(),
                            form.bodyIt(),
                            form.subjectEn(),
                            form.bodyEn()),
                    form.version());
            return done(redirect, "automation.saved.acknowledgement", "acknowledgements");
        } catch (InvalidInputException e) {
            e.fieldErrors().keySet().forEach(field -> errors.rejectValue(field, errorCode(field)));
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        } catch (ConflictException e) {
            errors.reject("automation.conflict");
            response.setStatus(HttpStatus.CONFLICT.value());
        }
        return acknowledgementPage(model, which);
    }

    private String acknowledgementPage(Model model, Channel channel) {
        model.addAttribute("channel", channel.code());
        model.addAttribute("placeholders", Placeholders.NAMES);
        return "automation/acknowledgement-form";
    }

    private static Channel acknowledging(String code) {
        try {
            Channel channel = EnumCodes.parse(Channel.class, code, "channel");
            if (AcknowledgementTemplate.CHANNELS.contains(channel)) {
                return channel;
            }
        } catch (IllegalArgumentException e) {
            // not found below
        }
        throw new NotFoundException("Acknowledgement", code);
    }

    // Shared

    private String save(
            Model model,
            String kind,
            Long id,
            RuleForm form,
            BindingResult errors,
            HttpServletResponse response,
            RedirectAttributes redirect,
            String notice,
            Supplier<Object> work) {
        try {
            work.get();
            return done(
                    redirect,
                    notice,
                    kind.equals("trigger") ? "triggers" : kind.equals("macro") ? "macros" : "time-rules");
        } catch (InvalidInputException e) {
            List<RuleForm.Indexed<Condition>> conditions = form.conditionList();
            List<RuleForm.Indexed<Action>> actions = form.actionList();
            form.padded();
            for (String field : e.fieldErrors().keySet()) {
                String onPage = onPage(field, conditions, actions);
                try {
                    errors.rejectValue(onPage, errorCode(onPage));
                } catch (RuntimeException notAField) {
                    errors.reject(errorCode(onPage));
                }
            }
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        } catch (ConflictException e) {
            form.padded();
            errors.reject("automation.conflict");
            response.setStatus(HttpStatus.CONFLICT.value());
        }
        return page(model, kind, id);
    }

    /** A field the rules named in the list they were given, on the page's row (blank rows are left out of that list). */
    private static String onPage(
            String field, List<RuleForm.Indexed<Condition>> conditions, List<RuleForm.Indexed<Action>> actions) {
        Matcher m = ROW.matcher(field);
        if (!m.matches()) {
            return field;
        }
        int index = Integer.parseInt(m.group(2));
        List<? extends RuleForm.Indexed<?>> rows = m.group(1).equals("conditions") ? conditions : actions;
        int row = index < rows.size() ? rows.get(index).row() : index;
        String rest = m.group(3);
        // A row whose kind was not understood is reported on its kind.
        return m.group(1) + "[" + row + "]" + (rest.isEmpty() ? ".value" : rest);
    }

    private static String errorCode(String field) {
        String last = field.substring(field.lastIndexOf('.') + 1).replaceAll("\\[\\d+]", "");
        return "automation.error." + last;
    }

    private String form(Model model, String kind, Long id, RuleForm form) {
        model.addAttribute("ruleForm", form.padded());
        return page(model, kind, id);
    }

    private String page(Model model, String kind, Long id) {
        model.addAttribute("kind", kind);
        model.addAttribute("ruleId", id);
        model.addAttribute("events", TriggerEvent.values());
        model.addAttribute("measures", TimeMeasure.values());
        model.addAttribute("statuses", TicketStatus.UNSOLVED);
        model.addAttribute(
                "allStatuses",
                List.of(TicketStatus.OPEN, TicketStatus.PENDING, TicketStatus.ON_HOLD, TicketStatus.SOLVED));
        model.addAttribute("conditionKinds", ConditionKind.values());
        model.addAttribute(
                "actionTypes",
                kind.equals("macro") ? ActionType.FOR_MACROS.stream().toList() : List.of(ActionType.values()));
        model.addAttribute("groups", users.groups());
        model.addAttribute("agents", users.activeStaff());
        model.addAttribute("calendars", calendars.all());
        model.addAttribute("placeholders", Placeholders.NAMES);
        return "automation/rule-form";
    }

    private String confirm(Model model, String section, long id, String name, long version) {
        model.addAttribute("section", section);
        model.addAttribute("id", id);
        model.addAttribute("name", name);
        model.addAttribute("version", version);
        return "automation/confirm-delete";
    }

    private String done(RedirectAttributes redirect, String notice, String anchor) {
        redirect.addFlashAttribute("notice", messages.getMessage(notice, null, LocaleContextHolder.getLocale()));
        return "redirect:/admin/automations#" + anchor;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        try {
            return EnumCodes.parse(type, code, type.getSimpleName());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static List<Condition> conditions(RuleForm form) {
        return form.conditionList().stream().map(RuleForm.Indexed::value).toList();
    }

    private static List<Action> actions(RuleForm form) {
        return form.actionList().stream().map(RuleForm.Indexed::value).toList();
    }
}
