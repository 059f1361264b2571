package it.sportello.identity.web;

import it.sportello.identity.AgentGroup;
import it.sportello.identity.UserId;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A group as the admin's form shows it: name, description and the ids of the checked members. */
record AdminGroupForm(
        @NotBlank(message = "{admin.error.required}") @Size(max = 100, message = "{admin.error.too-long}")
        String name,

        @Size(max = 1000, message = "{admin.error.too-long}")
        String description,

        List<Long> members) {

    static AdminGroupForm empty() {
        return new AdminGroupForm("", "", List.of());
    }

    static AdminGroupForm of(AgentGroup group) {
        return new AdminGroupForm(
                group.name(),
                group.description() == null ? "" : group.description(),
                group.members().stream().map(UserId::value).sorted().toList());
    }

    /** Unchecking every box sends no "members" at all: that means nobody. */
    List<UserId> memberIds() {
        return members == null ? List.of() : members.stream().map(UserId::new).toList();
    }
}
