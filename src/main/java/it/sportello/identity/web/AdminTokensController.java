package it.sportello.identity.web;

import it.sportello.identity.ApiToken;
import it.sportello.identity.ApiTokens;
import it.sportello.identity.CurrentUser;
import it.sportello.identity.User;
import it.sportello.identity.UserId;
import it.sportello.identity.UserManagement;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
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
 * The admin's API token pages. A new token's secret travels from the creating request to the
 * page after it as a flash attribute: shown that once, never stored, gone on reload.
 */
@Controller
@RequestMapping("/admin/tokens")
@PreAuthorize("hasRole('ADMIN')")
class AdminTokensController {

    private final ApiTokens tokens;
    private final UserManagement users;
    private final AdminNotices notices;

    AdminTokensController(ApiTokens tokens, UserManagement users, AdminNotices notices) {
        this.tokens = tokens;
        this.users = users;
        this.notices = notices;
    }

    /** A token as the list shows it: never the secret, only its first characters. */
    record TokenRow(
            long id,
            String name,
            String hint,
            String ownerName,
            String ownerEmail,
            Long ownerId,
            Instant createdAt,
            Instant lastUsedAt,
            Instant revokedAt,
            boolean active) {

        static TokenRow of(ApiToken token, User owner) {
            return new TokenRow(
                    token.id(),
                    token.name(),
                    token.hint(),
                    owner == null ? null : owner.displayName(),
                    owner == null ? null : owner.email(),
                    owner == null ? null : owner.id().value(),
                    token.createdAt(),
                    token.lastUsedAt(),
                    token.revokedAt(),
                    token.isActive());
        }
    }

    @GetMapping
    String list(@RequestParam(required = false) Integer page, Model model) {
        Page<ApiToken> found = tokens.page(PageRequest.of(AdminPager.index(page), AdminPager.SIZE));
        Map<UserId, User> owners = users.findAll(
                found.getContent().stream().map(ApiToken::owner).distinct().toList());
        model.addAttribute(
                "tokens",
                found.getContent().stream()
                        .map(token -> TokenRow.of(token, owners.get(token.owner())))
                        .toList());
        model.addAttribute("pager", AdminPager.of(found, "/admin/tokens", Map.of()));
        return "identity/admin/tokens";
    }

    @GetMapping("/new")
    String newToken(@RequestParam(required = false) String owner, CurrentUser admin, Model model) {
        model.addAttribute(
                "tokenForm", new AdminTokenForm("", owner == null || owner.isBlank() ? admin.email() : owner));
        return showForm(model);
    }

    @PostMapping
    String create(
            @Valid @ModelAttribute("tokenForm") AdminTokenForm form,
            BindingResult errors,
            RedirectAttributes redirect,
            HttpServletResponse response,
            Model model) {
        Optional<User> owner = errors.hasFieldErrors("owner")
                ? Optional.empty()
                : users.findByEmail(form.owner()).filter(User::active);
        if (!errors.hasFieldErrors("owner") && owner.isEmpty()) {
            errors.rejectValue("owner", "admin.tokens.error.owner");
        }
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return showForm(model);
        }
        ApiTokens.IssuedToken issued = tokens.issue(owner.orElseThrow().id(), form.name());
        redirect.addFlashAttribute("secret", issued.secret());
        notices.flash(redirect, "admin.tokens.notice.created", issued.token().name());
        return "redirect:/admin/tokens/" + issued.token().id() + "/created";
    }

    /** Shows the secret if it just came from the creating request, and never again after that. */
    @GetMapping("/{id}/created")
    String created(@PathVariable long id, Model model) {
        ApiToken token = tokens.get(id);
        model.addAttribute("token", TokenRow.of(token, users.get(token.owner())));
        return "identity/admin/token-created";
    }

    @GetMapping("/{id}/revoke")
    String confirmRevoke(@PathVariable long id, Model model) {
        ApiToken token = tokens.get(id);
        model.addAttribute("token", TokenRow.of(token, users.get(token.owner())));
        return "identity/admin/token-revoke";
    }

    @PostMapping("/{id}/revoke")
    String revoke(@PathVariable long id, RedirectAttributes redirect) {
        ApiToken token = tokens.get(id);
        if (token.isActive()) {
            tokens.revoke(id);
        }
        notices.flash(redirect, "admin.tokens.notice.revoked", token.name());
        return "redirect:/admin/tokens";
    }

    private String showForm(Model model) {
        model.addAttribute("staff", users.activeStaff());
        return "identity/admin/token-new";
    }
}
