package it.sportello.identity.web;

import it.sportello.identity.AgentGroup;
import it.sportello.identity.GroupId;
import it.sportello.identity.User;
import it.sportello.identity.UserId;
import it.sportello.identity.UserManagement;
import it.sportello.shared.ConflictException;
import it.sportello.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The admin's group (team) pages: the list, a new group, and a group's name, description and members. */
@Controller
@RequestMapping("/admin/groups")
@PreAuthorize("hasRole('ADMIN')")
class AdminGroupsController {

    private final UserManagement users;
    private final AdminNotices notices;

    AdminGroupsController(UserManagement users, AdminNotices notices) {
        this.users = users;
        this.notices = notices;
    }

    /** A group in the list: its members by name, so an admin sees the teams at a glance. */
    record GroupRow(long id, String name, String description, List<String> members) {}

    /** A person who can be ticked as a member; an inactive one only while they still are a member. */
    record Candidate(long id, String displayName, String email, String roleCode, boolean active) {
        static Candidate of(User user) {
            return new Candidate(
                    user.id().value(),
                    user.displayName(),
                    user.email(),
                    user.role().code(),
                    user.active());
        }
    }

    @GetMapping
    String list(Model model) {
        List<AgentGroup> groups = users.groups();
        Set<UserId> everyone = new HashSet<>();
        groups.forEach(group -> everyone.addAll(group.members()));
        Map<UserId, User> people = users.findAll(everyone);
        model.addAttribute(
                "groups",
                groups.stream()
                        .map(group -> new GroupRow(
                                group.id().value(),
                                group.name(),
                                group.description(),
                                group.members().stream()
                                        .map(people::get)
                                        .filter(java.util.Objects::nonNull)
                                        .map(User::displayName)
                                        .sorted(String.CASE_INSENSITIVE_ORDER)
                                        .toList()))
                        .toList());
        return "identity/admin/groups";
    }

    @GetMapping("/new")
    String newGroup(Model model) {
        model.addAttribute("groupForm", AdminGroupForm.empty());
        return showForm(null, List.of(), model);
    }

    @PostMapping
    String create(
            @Valid @ModelAttribute("groupForm") AdminGroupForm form,
            BindingResult errors,
            RedirectAttributes redirect,
            HttpServletResponse response,
            Model model) {
        if (errors.hasErrors()) {
            // A forged member id that is not a number leaves no form object, only its errors.
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return showForm(null, form == null ? List.of() : form.memberIds(), model);
        }
        AgentGroup created;
        try {
            created = users.createGroup(form.name(), form.description(), form.memberIds());
        } catch (ConflictException e) {
            errors.rejectValue("name", "admin.groups.error.name-taken");
            response.setStatus(HttpStatus.CONFLICT.value());
            return showForm(null, form.memberIds(), model);
        } catch (InvalidInputException e) {
            errors.rejectValue("members", "admin.groups.error.members");
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return showForm(null, form.memberIds(), model);
        }
        notices.flash(redirect, "admin.groups.notice.created", created.name());
        return "redirect:/admin/groups";
    }

    @GetMapping("/{id}")
    String edit(@PathVariable long id, Model model) {
        AgentGroup group = users.getGroup(new GroupId(id));
        model.addAttribute("groupForm", AdminGroupForm.of(group));
        return showForm(group, group.members(), model);
    }

    @PostMapping("/{id}")
    String update(
            @PathVariable long id,
            @Valid @ModelAttribute("groupForm") AdminGroupForm form,
            BindingResult errors,
            RedirectAttributes redirect,
            HttpServletResponse response,
            Model model) {
        AgentGroup group = users.getGroup(new GroupId(id));
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return showForm(group, group.members(), model);
        }
        try {
            users.updateGroup(group.id(), form.name(), form.description(), form.memberIds());
        } catch (ConflictException e) {
            errors.rejectValue("name", "admin.groups.error.name-taken");
            response.setStatus(HttpStatus.CONFLICT.value());
            return showForm(group, group.members(), model);
        } catch (InvalidInputException e) {
            errors.rejectValue("members", "admin.groups.error.members");
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return showForm(group, group.members(), model);
        }
        notices.flash(redirect, "admin.groups.notice.saved", form.name().trim());
        return "redirect:/admin/groups";
    }

    /** The active staff, plus anyone already in the group who has since left, so they can be unticked. */
    private String showForm(AgentGroup group, java.util.Collection<UserId> currentMembers, Model model) {
        List<Candidate> candidates =
                new ArrayList<>(users.activeStaff().stream().map(Candidate::of).toList());
        Set<Long> listed = new HashSet<>();
        candidates.forEach(c -> listed.add(c.id()));
        users.findAll(currentMembers).values().stream()
                .filter(user -> !listed.contains(user.id().value()))
                .map(Candidate::of)
                .forEach(candidates::add);
        candidates.sort(Comparator.comparing(Candidate::displayName, String.CASE_INSENSITIVE_ORDER));
        model.addAttribute(
                "group", group == null ? null : new GroupRow(group.id().value(), group.name(), null, List.of()));
        model.addAttribute("candidates", candidates);
        return "identity/admin/group-form";
    }
}
