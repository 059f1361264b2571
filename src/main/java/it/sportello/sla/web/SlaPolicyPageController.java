package it.sportello.sla.web;

import it.sportello.identity.UserManagement;
import it.sportello.shared.ConflictException;
import it.sportello.shared.InvalidInputException;
import it.sportello.sla.Calendars;
import it.sportello.sla.EscalationAction;
import it.sportello.sla.EscalationMoment;
import it.sportello.sla.PolicyId;
import it.sportello.sla.PolicyRules;
import it.sportello.sla.SlaPolicies;
import it.sportello.sla.SlaTarget;
import it.sportello.ticket.Channel;
import it.sportello.ticket.Priority;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
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
 * The supervisors' page for service levels: the business calendars and the policies in the order
 * they are tried, and the policy form (conditions, targets, pauses, warning, escalations).
 */
@Controller
@RequestMapping("/admin/sla")
class SlaPolicyPageController {

    private final SlaPolicies policies;
    private final Calendars calendars;
    private final UserManagement users;

    SlaPolicyPageController(SlaPolicies policies, Calendars calendars, UserManagement users) {
        this.policies = policies;
        this.calendars = calendars;
        this.users = users;
    }

    @GetMapping
    String overview(Model model) {
        model.addAttribute("policies", policies.all());
        var all = calendars.all();
        model.addAttribute("calendars", all);
        model.addAttribute(
                "calendarNames",
                all.stream().collect(java.util.stream.Collectors.toMap(c -> c.id().value(), c -> c.name())));
        return "sla/overview";
    }

    @GetMapping("/policies/new")
    String newPolicy(Model model) {
        model.addAttribute("policyForm", SlaPolicyForm.blank());
        return form(model, null, false);
    }

    @GetMapping("/policies/{id}")
    String edit(@PathVariable long id, Model model) {
        var policy = policies.get(new PolicyId(id));
        model.addAttribute("policyForm", SlaPolicyForm.of(policy));
        return form(model, id, policy.isCatchAll());
    }

    @PostMapping("/policies")
    String create(
            @ModelAttribute("policyForm") SlaPolicyForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        return save(null, form, errors, model, redirect, response);
    }

    @PostMapping("/policies/{id}")
    String update(
            @PathVariable long id,
            @ModelAttribute("policyForm") SlaPolicyForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        return save(id, form, errors, model, redirect, response);
    }

    @PostMapping("/policies/{id}/move")
    String move(@PathVariable long id, @RequestParam String direction) {
        policies.move(new PolicyId(id), "up".equals(direction));
        return "redirect:/admin/sla#policies";
    }

    @PostMapping("/policies/{id}/delete")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        policies.delete(new PolicyId(id), null);
        redirect.addFlashAttribute("notice", "sla.policy.deleted");
        return "redirect:/admin/sla#policies";
    }

    private String save(
            Long id,
            SlaPolicyForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        boolean catchAll = id != null && policies.get(new PolicyId(id)).isCatchAll();
        if (!errors.hasErrors()) {
            Set<String> problems = new LinkedHashSet<>();
            PolicyRules rules = form.rules(problems);
            problems.forEach(field -> reject(errors, field));
            if (problems.isEmpty()) {
                try {
                    if (id == null) {
                        policies.create(form.name(), rules);
                    } else {
                        policies.update(new PolicyId(id), form.name(), rules, form.version());
                    }
                    redirect.addFlashAttribute("notice", "sla.policy.saved");
                    return "redirect:/admin/sla#policies";
                } catch (InvalidInputException e) {
                    e.fieldErrors().keySet().forEach(field -> reject(errors, field));
                } catch (ConflictException e) {
                    errors.reject("sla.policy.conflict");
                    response.setStatus(HttpStatus.CONFLICT.value());
                    return form(model, id, catchAll);
                }
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return form(model, id, catchAll);
    }

    /** Field errors where the form has the field; the rest (targets, conditions, escalations) above the form. */
    private static void reject(BindingResult errors, String field) {
        String base = field.startsWith("escalations") ? "escalations" : field;
        switch (base) {
            case "name",
                    "calendarId",
                    "firstResponseMinutes",
                    "nextResponseMinutes",
                    "resolutionMinutes",
                    "pauseOn",
                    "warningPercent",
                    "tags",
                    "organisations" -> {
                if (!errors.hasFieldErrors(base)) {
                    errors.rejectValue(base, "sla.policy.error." + base);
                }
            }
            default -> errors.reject("sla.policy.error." + base);
        }
    }

    private String form(Model model, Long id, boolean catchAll) {
        model.addAttribute("policyId", id);
        model.addAttribute("catchAll", catchAll);
        model.addAttribute("calendars", calendars.all());
        model.addAttribute("channels", Channel.values());
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("pausable", List.copyOf(PolicyRules.PAUSABLE));
        model.addAttribute("targets", SlaTarget.values());
        model.addAttribute("moments", EscalationMoment.values());
        model.addAttribute("actions", EscalationAction.values());
        model.addAttribute("groups", users.groups());
        model.addAttribute("agents", users.activeStaff());
        return "sla/policy";
    }
}
