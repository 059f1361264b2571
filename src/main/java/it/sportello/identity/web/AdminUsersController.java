package it.sportello.identity.web;

import it.sportello.identity.AgentGroup;
import it.sportello.identity.LastActiveAdminException;
import it.sportello.identity.Role;
import it.sportello.identity.User;
import it.sportello.identity.UserId;
import it.sportello.identity.UserManagement;
import it.sportello.shared.ConflictException;
import it.sportello.shared.InvalidInputException;
import it.sportello.shared.SupportedLocale;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin's user pages: the list (search, role filter, paging), a new user, and one user's
 * details, role, language, status and password. The same guards as the API apply (they live in
 * {@link UserManagement}); here they come back as errors beside the fields.
 */
@Controller
@RequestMapping("/admin/users")
@PreAuthorize("hasRole('ADMIN')")
class AdminUsersController {

    private final UserManagement users;
    private final AdminNotices notices;

    AdminUsersController(UserManagement users, AdminNotices notices) {
        this.users = users;
        this.notices = notices;
    }

    @ModelAttribute("roles")
    List<Role> roles() {
        return List.of(Role.values());
    }

    @ModelAttribute("locales")
    List<SupportedLocale> locales() {
        return List.of(SupportedLocale.values());
    }

    @ModelAttribute("minPasswordLength")
    int minPasswordLength() {
        return UserManagement.MIN_PASSWORD_LENGTH;
    }

    @GetMapping
    String list(
            @ModelAttribute("filter") AdminUserFilter filter,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            @RequestHeader(name = "HX-History-Restore-Request", required = false) String restore,
            HttpServletResponse response,
            Model model) {
        var page = users.searchByEmailOrName(
                filter.q(),
                filter.role(),
                PageRequest.of(AdminPager.index(filter.page()), AdminPager.SIZE, Sort.by("displayName", "email")));
        model.addAttribute("users", page.getContent().stream().map(UserView::of).toList());
        model.addAttribute("pager", AdminPager.of(page, "/admin/users", filter.parameters()));
        response.addHeader("Vary", "HX-Request");
        return htmx != null && restore == null ? "identity/admin/users :: results" : "identity/admin/users";
    }

    @GetMapping("/new")
    String newUser(Model model) {
        model.addAttribute("userForm", AdminUserForm.empty());
        return "identity/admin/user-new";
    }

    @PostMapping
    String create(
            @Valid @ModelAttribute("userForm") AdminUserForm form,
            BindingResult errors,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        // A value that cannot even be converted (a forged role) leaves no form to check, only its errors.
        if (form != null) {
            AdminForms.checkPassword(form.password(), "password", errors);
        }
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return "identity/admin/user-new";
        }
        User created;
        try {
            created = users.create(new UserManagement.NewUser(
                    form.email(), form.displayName(), form.role(), form.locale(), form.password()));
        } catch (ConflictException e) {
            errors.rejectValue("email", "admin.users.error.email-taken");
            response.setStatus(HttpStatus.CONFLICT.value());
            return "identity/admin/user-new";
        } catch (InvalidInputException e) {
            AdminForms.reject(e, errors);
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return "identity/admin/user-new";
        }
        notices.flash(redirect, "admin.users.notice.created", created.email());
        return "redirect:/admin/users/" + created.id().value();
    }

    @GetMapping("/{id}")
    String edit(@PathVariable long id, Model model) {
        User user = users.get(new UserId(id));
        model.addAttribute("userChanges", AdminUserChangesForm.of(user));
        return showEdit(user, model);
    }

    @PostMapping("/{id}")
    String update(
            @PathVariable long id,
            @Valid @ModelAttribute("userChanges") AdminUserChangesForm form,
            BindingResult errors,
            RedirectAttributes redirect,
            HttpServletResponse response,
            Model model) {
        User user = users.get(new UserId(id));
        if (form != null && form.passwordOrNull() != null) {
            AdminForms.checkPassword(form.newPassword(), "newPassword", errors);
        }
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return showEdit(user, model);
        }
        try {
            users.update(
                    user.id(),
                    new UserManagement.UserChanges(
                            form.email(),
                            form.displayName(),
                            form.role(),
                            form.locale(),
                            form.passwordOrNull(),
                            form.active()));
        } catch (LastActiveAdminException e) {
            if (form.role() != Role.ADMIN) {
                errors.rejectValue("role", "admin.users.error.last-admin");
            }
            if (!form.active()) {
                errors.rejectValue("active", "admin.users.error.last-admin");
            }
            response.setStatus(HttpStatus.CONFLICT.value());
            return showEdit(user, model);
        } catch (ConflictException e) {
            errors.rejectValue("email", "admin.users.error.email-taken");
            response.setStatus(HttpStatus.CONFLICT.value());
            return showEdit(user, model);
        } catch (InvalidInputException e) {
            AdminForms.reject(e, errors);
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return showEdit(user, model);
        }
        notices.flash(redirect, "admin.users.notice.saved", form.email().trim());
        return "redirect:/admin/users/" + id;
    }

    private String showEdit(User user, Model model) {
        model.addAttribute("user", UserView.of(user));
        model.addAttribute(
                "memberOf",
                users.groups().stream()
                        .filter(group -> group.members().contains(user.id()))
                        .map(AgentGroup::name)
                        .toList());
        return "identity/admin/user-edit";
    }
}
