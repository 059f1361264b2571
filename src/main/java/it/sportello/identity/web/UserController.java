package it.sportello.identity.web;

import it.sportello.identity.Role;
import it.sportello.identity.UserId;
import it.sportello.identity.UserManagement;
import it.sportello.shared.NotFoundException;
import it.sportello.shared.web.PageView;
import it.sportello.shared.web.Paging;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Users: staff see the team (to assign work), only admins change it. */
@RestController
@RequestMapping("/api/v1/users")
class UserController {

    private static final Map<String, String> SORTABLE =
            Map.of("email", "email", "displayName", "displayName", "createdAt", "createdAt");

    private final UserManagement users;

    UserController(UserManagement users) {
        this.users = users;
    }

    @GetMapping
    @PreAuthorize("hasRole('AGENT')")
    PageView<UserView> search(
            @RequestParam(required = false) String email,
            @RequestParam(required = false) Role role,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @RequestParam(required = false) List<String> sort) {
        return PageView.of(
                users.search(email, role, Paging.of(page, size, sort, SORTABLE, Sort.by("email"))), UserView::of);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasRole('AGENT')")
    UserView get(@PathVariable long id) {
        return UserView.of(users.get(new UserId(id)));
    }

    @GetMapping(params = "exactEmail")
    @PreAuthorize("hasRole('AGENT')")
    UserView byEmail(@RequestParam String exactEmail) {
        return users.findByEmail(exactEmail)
                .map(UserView::of)
                .orElseThrow(() -> new NotFoundException("User with e-mail", exactEmail));
    }

    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<UserView> create(@Valid @RequestBody UserForm form) {
        UserView created = UserView.of(users.create(new UserManagement.NewUser(
                form.email(), form.displayName(), form.role(), form.locale(), form.password())));
        return ResponseEntity.created(URI.create("/api/v1/users/" + created.id()))
                .body(created);
    }

    @PatchMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    UserView update(@PathVariable long id, @Valid @RequestBody UserChangesForm form) {
        return UserView.of(users.update(
                new UserId(id),
                new UserManagement.UserChanges(
                        form.email(), form.displayName(), form.role(), form.locale(), form.password(), form.active())));
    }
}
