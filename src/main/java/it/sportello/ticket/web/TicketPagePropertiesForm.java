package it.sportello.ticket.web;

import it.sportello.ticket.Priority;
import it.sportello.ticket.TicketStatus;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The properties panel. {@code tags} is what the agent typed (comma-separated). {@code version} and
 * the {@code was...} fields are the ticket as the page showed it, so that a save over someone
 * else's change is caught and each side's edits can be told apart: what the agent changed is kept,
 * what they left alone follows the other person's change.
 */
record TicketPagePropertiesForm(
        TicketStatus status,
        Priority priority,
        Long assigneeId,
        Long groupId,
        String tags,
        Long version,
        TicketStatus wasStatus,
        Priority wasPriority,
        Long wasAssigneeId,
        Long wasGroupId,
        String wasTags) {

    /** The panel as a ticket stands. */
    static TicketPagePropertiesForm of(TicketPageView ticket) {
        String tags = String.join(", ", ticket.tags());
        return new TicketPagePropertiesForm(
                ticket.status(),
                ticket.priority(),
                ticket.assigneeId(),
                ticket.groupId(),
                tags,
                ticket.version(),
                ticket.status(),
                ticket.priority(),
                ticket.assigneeId(),
                ticket.groupId(),
                tags);
    }

    List<String> tagList() {
        return split(tags);
    }

    /** The fields this form changes compared with the ticket its page showed. */
    Set<String> changed() {
        return differences(this, status, priority, assigneeId, groupId, tags);
    }

    /** The fields someone else changed since the page was drawn: {@code current} against the {@code was...} values. */
    Set<String> changedSince(TicketPageView current) {
        return differences(
                this,
                current.status(),
                current.priority(),
                current.assigneeId(),
                current.groupId(),
                String.join(",", current.tags()));
    }

    /**
     * The panel to show after a stale save: the agent's own changes kept, every other field as it
     * now is, and the current version, so saving again applies exactly what the agent chose.
     */
    TicketPagePropertiesForm rebasedOn(TicketPageView current) {
        Set<String> mine = changed();
        String currentTags = String.join(", ", current.tags());
        return new TicketPagePropertiesForm(
                mine.contains("status") ? status : current.status(),
                mine.contains("priority") ? priority : current.priority(),
                mine.contains("assignee") ? assigneeId : current.assigneeId(),
                mine.contains("group") ? groupId : current.groupId(),
                mine.contains("tags") ? tags : currentTags,
                current.version(),
                current.status(),
                current.priority(),
                current.assigneeId(),
                current.groupId(),
                currentTags);
    }

    /** The same choices to be saved over {@code version}. */
    TicketPagePropertiesForm over(long version) {
        return new TicketPagePropertiesForm(
                status,
                priority,
                assigneeId,
                groupId,
                tags,
                version,
                wasStatus,
                wasPriority,
                wasAssigneeId,
                wasGroupId,
                wasTags);
    }

    private static Set<String> differences(
            TicketPagePropertiesForm form,
            TicketStatus status,
            Priority priority,
            Long assigneeId,
            Long groupId,
            String tags) {
        Set<String> fields = new java.util.LinkedHashSet<>();
        if (status != form.wasStatus()) {
            fields.add("status");
        }
        if (priority != form.wasPriority()) {
            fields.add("priority");
        }
        if (!Objects.equals(assigneeId, form.wasAssigneeId())) {
            fields.add("assignee");
        }
        if (!Objects.equals(groupId, form.wasGroupId())) {
            fields.add("group");
        }
        if (!normalised(tags).equals(normalised(form.wasTags()))) {
            fields.add("tags");
        }
        return fields;
    }

    /** Tags as the ticket would store them, for comparing what two people typed. */
    static Set<String> normalised(String tags) {
        return split(tags).stream()
                .map(t -> t.toLowerCase(Locale.ROOT).replaceAll("\\s+", "-"))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static List<String> split(String tags) {
        return tags == null
                ? List.of()
                : Arrays.stream(tags.split(","))
                        .map(String::strip)
                        .filter(t -> !t.isEmpty())
                        .toList();
    }
}
