package it.sportello.identity.web;

import it.sportello.identity.AgentGroup;
import it.sportello.identity.GroupId;
import it.sportello.identity.UserId;
import it.sportello.identity.UserManagement;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Agent groups (teams): staff read them, admins shape them. */
@RestController
@RequestMapping("/api/v1/groups")
class GroupController {

    private final UserManagement users;

    GroupController(UserManagement users) {
        this.users = users;
    }

    record GroupForm(
            @NotBlank @Size(max = 100) String name,
            @Size(max = 1000) String description,
            List<Long> members) {}

    record GroupChangesForm(
            @Size(min = 1, max = 100) String name,
            @Size(max = 1000) String description,
            List<Long> members) {}

    record GroupView(long id, String name, String description, List<Long> members) {
        static GroupView of(AgentGroup group) {
            return new GroupView(
                    group.id().value(),
                    group.name(),
                    group.description(),
                    group.members().stream().map(UserId::value).sorted().toList());
        }
    }

    @GetMapping
    @PreAuthorize("hasRole('AGENT')")
    List<GroupView> list() {
        return users.groups().stream().map(GroupView::of).toList();
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasRole('AGENT')")
    GroupView get(@PathVariable long id) {
        return GroupView.of(users.getGroup(new GroupId(id)));
    }

    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<GroupView> create(@Valid @RequestBody GroupForm form) {
        GroupView created = GroupView.of(users.createGroup(form.name(), form.description(), members(form.members())));
        return ResponseEntity.created(URI.create("/api/v1/groups/" + created.id()))
                .body(created);
    }

    @PatchMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    GroupView update(@PathVariable long id, @Valid @RequestBody GroupChangesForm form) {
        return GroupView.of(users.updateGroup(
                new GroupId(id),
                form.name(),
                form.description(),
                form.members() == null ? null : members(form.members())));
    }

    private static List<UserId> members(List<Long> ids) {
        return ids == null ? List.of() : ids.stream().map(UserId::new).toList();
    }
}
