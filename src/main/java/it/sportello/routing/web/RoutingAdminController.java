package it.sportello.routing.web;

import it.sportello.identity.AgentGroup;
import it.sportello.identity.CurrentUser;
import it.sportello.identity.GroupId;
import it.sportello.identity.User;
import it.sportello.identity.UserId;
import it.sportello.identity.UserManagement;
import it.sportello.routing.AgentProfile;
import it.sportello.routing.GroupRouting;
import it.sportello.routing.RoutingSetup;
import it.sportello.routing.RoutingStrategy;
import it.sportello.routing.Skill;
import it.sportello.routing.SkillId;
import it.sportello.routing.SkillKind;
import it.sportello.routing.web.RoutingAdminForms.AgentForm;
import it.sportello.routing.web.RoutingAdminForms.GroupForm;
import it.sportello.routing.web.RoutingAdminForms.SkillForm;
import it.sportello.shared.ConflictException;
import it.sportello.shared.InvalidInputException;
import it.sportello.shared.NotFoundException;
import it.sportello.ticket.Channel;
import jakarta.servlet.http.HttpServletResponse;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The supervisors' routing settings: per group the strategy and required skills, per agent the
 * skills, channels and capacity, and the skill catalogue.
 */
@Controller
@RequestMapping("/admin/routing")
@PreAuthorize("hasRole('SUPERVISOR')")
class RoutingAdminController {

    private final RoutingSetup setup;
    private final UserManagement users;
    private final MessageSource messages;

    RoutingAdminController(RoutingSetup setup, UserManagement users, MessageSource messages) {
        this.setup = setup;
        this.users = users;
        this.messages = messages;
    }

    /** A group row of the overview. */
    record GroupRow(long id, String name, String strategy, List<String> requiredSkills, int members) {}

    /** An agent row of the overview. */
    record AgentRow(
            long id, String name, String role, List<String> channels, int capacity, long load, List<String> skills) {}

    @GetMapping
    String overview(Model model) {
        Map<SkillId, Skill> catalogue = catalogue();
        Map<GroupId, GroupRouting> routings = setup.groupRoutings();
        List<GroupRow> groups = users.groups().stream()
                .map(g -> {
                    GroupRouting routing = routings.getOrDefault(g.id(), setup.groupRouting(g.id()));
                    return new GroupRow(
                            g.id().value(),
                            g.name(),
                            routing.strategy().code(),
                            routing.requiredSkills().stream()
                                    .map(catalogue::get)
                                    .filter(s -> s != null)
                                    .map(this::label)
                                    .sorted()
                                    .toList(),
                            g.members().size());
                })
                .toList();
        List<User> staff = users.activeStaff();
        Map<UserId, AgentProfile> profiles = setup.profiles();
        Map<UserId, Long> loads = setup.loads(staff.stream().map(User::id).toList());
        List<AgentRow> agents = staff.stream()
                .map(u -> {
                    AgentProfile p = profiles.getOrDefault(u.id(), setup.profile(u.id()));
                    return new AgentRow(
                            u.id().value(),
                            u.displayName(),
                            u.role().code(),
                            p.availableOn().stream().sorted().map(Channel::code).toList(),
                            p.capacity(),
                            loads.getOrDefault(u.id(), 0L),
                            p.skills().entrySet().stream()
                                    .filter(e -> catalogue.containsKey(e.getKey()))
                                    .map(e -> label(catalogue.get(e.getKey())) + " · " + e.getValue())
                                    .sorted()
                                    .toList());
                })
                .toList();
        model.addAttribute("groups", groups);
        model.addAttribute("agents", agents);
        model.addAttribute("skills", setup.skills());
        if (!model.containsAttribute("skillForm")) {
            model.addAttribute("skillForm", new SkillForm("product", "", ""));
        }
        model.addAttribute("kinds", List.of(SkillKind.values()));
        return "routing/admin";
    }

    // Skills

    @PostMapping("/skills")
    String addSkill(
            @ModelAttribute("skillForm") SkillForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        try {
            Skill skill = setup.addSkill(kind(form.kind()), form.code(), form.name());
            redirect.addFlashAttribute("notice", text("routing.skills.added", label(skill)));
            return "redirect:/admin/routing#skills";
        } catch (InvalidInputException e) {
            e.fieldErrors().keySet().forEach(field -> errors.rejectValue(field, "routing.error.skill." + field));
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        } catch (ConflictException e) {
            errors.rejectValue("code", "routing.error.skill.duplicate");
            response.setStatus(HttpStatus.CONFLICT.value());
        }
        return overview(model);
    }

    @PostMapping("/skills/{id}/delete")
    String removeSkill(@PathVariable long id, RedirectAttributes redirect) {
        Skill skill = setup.skill(new SkillId(id));
        setup.removeSkill(skill.id());
        redirect.addFlashAttribute("notice", text("routing.skills.removed", label(skill)));
        return "redirect:/admin/routing#skills";
    }

    // Groups

    @GetMapping("/groups/{id}")
    String groupForm(@PathVariable long id, Model model) {
        GroupRouting routing = setup.groupRouting(new GroupId(id));
        model.addAttribute(
                "groupForm",
                new GroupForm(
                        routing.strategy().code(),
                        routing.requiredSkills().stream().map(SkillId::value).toList(),
                        routing.version()));
        return showGroup(id, model);
    }

    @PostMapping("/groups/{id}")
    String saveGroup(
            @PathVariable long id,
            @ModelAttribute("groupForm") GroupForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        RoutingStrategy strategy = null;
        try {
            strategy = RoutingStrategy.fromCode(form.strategy());
        } catch (IllegalArgumentException e) {
            errors.rejectValue("strategy", "routing.error.strategy");
        }
        if (!errors.hasErrors()) {
            try {
                setup.configureGroup(
                        new GroupId(id),
                        strategy,
                        form.requiredSkills() == null
                                ? List.of()
                                : form.requiredSkills().stream()
                                        .map(SkillId::new)
                                        .toList(),
                        form.version() == null ? -1 : form.version());
                AgentGroup group = users.getGroup(new GroupId(id));
                redirect.addFlashAttribute("notice", text("routing.groups.saved", group.name()));
                return "redirect:/admin/routing";
            } catch (InvalidInputException e) {
                e.fieldErrors().keySet().forEach(field -> errors.rejectValue(field, "routing.error." + field));
            } catch (ConflictException e) {
                errors.reject("routing.error.conflict");
                response.setStatus(HttpStatus.CONFLICT.value());
                return showGroup(id, model);
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return showGroup(id, model);
    }

    private String showGroup(long id, Model model) {
        model.addAttribute("group", users.getGroup(new GroupId(id)));
        model.addAttribute("strategies", List.of(RoutingStrategy.values()));
        model.addAttribute("skills", setup.skills());
        return "routing/group";
    }

    // Agents

    @GetMapping("/agents/{id}")
    String agentForm(@PathVariable long id, Model model) {
        AgentProfile profile = setup.profile(new UserId(id));
        model.addAttribute(
                "agentForm",
                new AgentForm(
                        List.copyOf(profile.availableOn()),
                        String.valueOf(profile.capacity()),
                        profile.skills().entrySet().stream()
                                .map(e -> e.getKey().value() + ":" + e.getValue())
                                .toList(),
                        profile.version()));
        return showAgent(id, model);
    }

    @PostMapping("/agents/{id}")
    String saveAgent(
            @PathVariable long id,
            @ModelAttribute("agentForm") AgentForm form,
            BindingResult errors,
            @AuthenticationPrincipal CurrentUser actor,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        Integer capacity = QueuesController.capacity(form.capacity(), errors);
        Map<SkillId, Integer> levels = levels(form.skills(), errors);
        if (!errors.hasErrors()) {
            try {
                setup.changeProfile(
                        new UserId(id),
                        new RoutingSetup.ProfileChanges(
                                levels,
                                form.availableOn() == null || form.availableOn().isEmpty()
                                        ? EnumSet.noneOf(Channel.class)
                                        : EnumSet.copyOf(form.availableOn()),
                                capacity,
                                form.version() == null ? -1 : form.version()),
                        actor);
                redirect.addFlashAttribute(
                        "notice", text("routing.agents.saved", agent(id).displayName()));
                return "redirect:/admin/routing#agents";
            } catch (InvalidInputException e) {
                e.fieldErrors().keySet().forEach(field -> errors.rejectValue(field, "routing.error." + field));
            } catch (ConflictException e) {
                errors.reject("routing.error.conflict");
                response.setStatus(HttpStatus.CONFLICT.value());
                return showAgent(id, model);
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return showAgent(id, model);
    }

    private String showAgent(long id, Model model) {
        model.addAttribute("agent", agent(id));
        model.addAttribute("channels", setup.routedChannels().stream().sorted().toList());
        model.addAttribute("skills", setup.skills());
        model.addAttribute("levels", List.of(1, 2, 3));
        return "routing/agent";
    }

    private User agent(long id) {
        return users.findById(new UserId(id))
                .filter(u -> u.role().isStaff())
                .orElseThrow(() -> new NotFoundException("Agent", id));
    }

    /** The selects' "id:level" values; "" is a skill the agent does not have. */
    private static Map<SkillId, Integer> levels(List<String> values, BindingResult errors) {
        Map<SkillId, Integer> levels = new LinkedHashMap<>();
        for (String value : values == null ? List.<String>of() : values) {
            if (value == null || value.isBlank()) {
                continue;
            }
            String[] parts = value.split(":");
            try {
                levels.put(new SkillId(Long.parseLong(parts[0])), Integer.parseInt(parts[1]));
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                errors.rejectValue("skills", "routing.error.skills");
                return Map.of();
            }
        }
        return levels;
    }

    private static SkillKind kind(String code) {
        try {
            return SkillKind.fromCode(code);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private Map<SkillId, Skill> catalogue() {
        return setup.skills().stream().collect(Collectors.toMap(Skill::id, Function.identity()));
    }

    private String label(Skill skill) {
        return skill.name();
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }
}
