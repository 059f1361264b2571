package it.sportello.ticket.web;

import it.sportello.identity.CurrentUser;
import it.sportello.identity.GroupId;
import it.sportello.identity.UserId;
import it.sportello.shared.ConflictException;
import it.sportello.shared.InvalidInputException;
import it.sportello.ticket.Priority;
import it.sportello.ticket.TicketId;
import it.sportello.ticket.TicketManagement;
import it.sportello.ticket.TicketStatus;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Saves the properties panel over the version the page showed. When someone else changed the
 * ticket meanwhile: if they touched none of the panel's fields (a reply, say) the save simply goes
 * through; otherwise the page comes back with the current values beside the agent's own choices,
 * which stay in the form ready to save again. Nothing is lost on either side.
 */
@Controller
class TicketPagePropertiesController {

    private final TicketManagement tickets;
    private final TicketPageViews views;
    private final MessageSource messages;

    TicketPagePropertiesController(TicketManagement tickets, TicketPageViews views, MessageSource messages) {
        this.tickets = tickets;
        this.views = views;
        this.messages = messages;
    }

    /** A field that differs after a stale save: as it is now, and as the agent chose (null: left alone). */
    record StaleField(String label, String current, String yours) {}

    @PostMapping("/tickets/{id}/properties")
    String save(
            @PathVariable long id,
            @ModelAttribute("properties") TicketPagePropertiesForm form,
            BindingResult binding,
            CurrentUser user,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        TicketId ticket = new TicketId(id);
        Map<String, String> errors = new LinkedHashMap<>();
        for (String field : List.of("status", "priority", "assigneeId", "groupId")) {
            if (binding.hasFieldErrors(field)) {
                errors.put(field, text("workspace.properties.error.choice"));
            }
        }
        if (binding.hasFieldErrors("version") || form.version() == null || errors.size() > 0) {
            if (errors.isEmpty()) {
                errors.put("form", text("workspace.properties.error.reload"));
            }
            return again(model, ticket, user, form, errors, response, HttpStatus.UNPROCESSABLE_CONTENT);
        }
        try {
            try {
                change(ticket, form, form.version(), user);
            } catch (ConflictException | OptimisticLockingFailureException stale) {
                TicketPageView now = views.page(ticket, user);
                if (now.version() == form.version() || !form.changedSince(now).isEmpty()) {
                    throw stale;
                }
                // Only things outside the panel changed (a message, say): the agent's choices still stand.
                change(ticket, form, now.version(), user);
            }
        } catch (ConflictException | OptimisticLockingFailureException e) {
            TicketPageView now = views.page(ticket, user);
            if (now.version() != form.version()) {
                model.addAttribute("stale", staleFields(form, now));
                return again(model, now, form.rebasedOn(now), errors, response, HttpStatus.CONFLICT);
            }
            errors.put(
                    now.closed() ? "form" : "status",
                    now.closed()
                            ? text("workspace.properties.error.closed")
                            : text(
                                    "workspace.properties.error.transition",
                                    status(now.status()),
                                    status(form.status())));
            return again(model, now, form, errors, response, HttpStatus.CONFLICT);
        } catch (InvalidInputException e) {
            e.fieldErrors().keySet().forEach(field -> {
                switch (field) {
                    case "tags" -> errors.put("tags", text("workspace.properties.error.tags"));
                    case "assigneeId" -> errors.put("assigneeId", text("workspace.properties.error.assignee"));
                    case "groupId" -> errors.put("groupId", text("workspace.properties.error.group"));
                    default -> errors.put("form", text("workspace.properties.error.reload"));
                }
            });
            return again(model, ticket, user, form, errors, response, HttpStatus.UNPROCESSABLE_CONTENT);
        }
        redirect.addFlashAttribute("notice", text("workspace.notice.saved"));
        return "redirect:/tickets/" + id;
    }

    private void change(TicketId ticket, TicketPagePropertiesForm form, long version, CurrentUser user) {
        tickets.change(
                ticket,
                new TicketManagement.TicketChanges(
                        form.status(),
                        form.priority(),
                        Optional.ofNullable(form.assigneeId()).map(UserId::new),
                        Optional.ofNullable(form.groupId()).map(GroupId::new),
                        form.tagList(),
                        null,
                        version),
                user);
    }

    private List<StaleField> staleFields(TicketPagePropertiesForm form, TicketPageView now) {
        Set<String> mine = form.changed();
        Set<String> theirs = form.changedSince(now);
        List<StaleField> fields = new ArrayList<>();
        for (String field : List.of("status", "priority", "assignee", "group", "tags")) {
            if (!mine.contains(field) && !theirs.contains(field)) {
                continue;
            }
            String current = switch (field) {
                case "status" -> status(now.status());
                case "priority" -> priority(now.priority());
                case "assignee" -> name(now.agents(), now.assigneeId(), "workspace.nobody");
                case "group" -> name(now.groups(), now.groupId(), "workspace.nogroup");
                default -> now.tags().isEmpty() ? text("workspace.notags") : String.join(", ", now.tags());
            };
            String yours = !mine.contains(field)
                    ? null
                    : switch (field) {
                        case "status" -> status(form.status());
                        case "priority" -> priority(form.priority());
                        case "assignee" -> name(now.agents(), form.assigneeId(), "workspace.nobody");
                        case "group" -> name(now.groups(), form.groupId(), "workspace.nogroup");
                        default ->
                            form.tagList().isEmpty() ? text("workspace.notags") : String.join(", ", form.tagList());
                    };
            fields.add(new StaleField(text("workspace.properties." + field), current, yours));
        }
        return fields;
    }

    private String name(List<TicketPageView.Choice> choices, Long id, String none) {
        if (id == null) {
            return text(none);
        }
        return choices.stream()
                .filter(c -> c.id() == id)
                .map(TicketPageView.Choice::name)
                .findFirst()
                .orElse("#" + id);
    }

    private String priority(Priority priority) {
        return priority == null ? "" : text("ticket.priority." + priority.code());
    }

    private String status(TicketStatus status) {
        return status == null ? "" : text("ticket.status." + status.code());
    }

    private String again(
            Model model,
            TicketId ticket,
            CurrentUser user,
            TicketPagePropertiesForm form,
            Map<String, String> errors,
            HttpServletResponse response,
            HttpStatus status) {
        return again(model, views.page(ticket, user), form, errors, response, status);
    }

    private String again(
            Model model,
            TicketPageView ticket,
            TicketPagePropertiesForm form,
            Map<String, String> errors,
            HttpServletResponse response,
            HttpStatus status) {
        response.setStatus(status.value());
        return TicketPageModel.page(model, ticket, null, form, null, errors);
    }

    private String text(String key, Object... args) {
        return TicketPageModel.text(messages, key, args);
    }
}
