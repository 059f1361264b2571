package it.sportello.ticket.web;

import it.sportello.identity.CurrentUser;
import it.sportello.identity.UserId;
import it.sportello.shared.ConflictException;
import it.sportello.shared.EnumCodes;
import it.sportello.shared.InvalidInputException;
import it.sportello.shared.NotFoundException;
import it.sportello.ticket.TicketId;
import it.sportello.ticket.TicketManagement;
import it.sportello.ticket.TicketManagement.TicketChanges;
import it.sportello.ticket.TicketStatus;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Assigns, unassigns or moves several tickets at once. Each ticket changes in its own transaction
 * through {@link TicketManagement#change}, so one that may not change (a closed ticket cannot be
 * reopened) is reported by number while the others are done. The agent stays on the view they
 * were on: the form carries its query.
 */
@Controller
class InboxBulkController {

    /** A page holds 25; four pages' worth is the most one click may touch (the message says so too). */
    static final int MAX_TICKETS = 100;

    private final TicketManagement tickets;
    private final InboxListing listing;
    private final InboxPage page;

    InboxBulkController(TicketManagement tickets, InboxListing listing, InboxPage page) {
        this.tickets = tickets;
        this.listing = listing;
        this.page = page;
    }

    @PostMapping("/inbox/bulk")
    String bulk(
            @ModelAttribute InboxBulkForm form,
            @RequestParam Map<String, String> parameters,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            HttpSession session,
            HttpServletResponse response,
            CurrentUser user,
            Model model,
            RedirectAttributes redirect) {
        InboxBulkOutcome outcome = carryOut(form, user);
        InboxQuery query = InboxQuery.from(parameters);
        if (htmx == null) {
            redirect.addFlashAttribute("outcome", outcome);
            return "redirect:" + query.href();
        }
        InboxList list = listing.list(query, user);
        new InboxTrail(list.query(), list.ids()).keepIn(session);
        model.addAttribute("outcome", outcome);
        response.setHeader("HX-Replace-Url", list.query().href());
        return page.partial(model, list, user);
    }

    private InboxBulkOutcome carryOut(InboxBulkForm form, CurrentUser user) {
        Set<Long> ids = new LinkedHashSet<>();
        for (String id : form.ids()) {
            if (id != null && id.strip().matches("\\d{1,18}")) {
                ids.add(Long.valueOf(id.strip()));
            }
        }
        if (ids.isEmpty()) {
            return InboxBulkOutcome.refused("no-selection");
        }
        if (ids.size() > MAX_TICKETS) {
            return InboxBulkOutcome.refused("too-many");
        }
        String action = form.action() == null ? "" : form.action();
        Optional<TicketChanges> changes = switch (action) {
            case "assign" -> assignment(form.assignee(), user);
            case "status" -> status(form.status());
            default -> Optional.empty();
        };
        if (changes.isEmpty()) {
            return InboxBulkOutcome.refused(
                    switch (action) {
                        case "assign" -> "no-assignee";
                        case "status" -> "no-status";
                        default -> "no-action";
                    });
        }
        int done = 0;
        List<InboxBulkOutcome.Failure> failures = new ArrayList<>();
        for (long id : ids) {
            try {
                tickets.change(new TicketId(id), changes.get(), user);
                done++;
            } catch (ConflictException e) {
                failures.add(new InboxBulkOutcome.Failure(id, "not-allowed"));
            } catch (NotFoundException e) {
                failures.add(new InboxBulkOutcome.Failure(id, "not-found"));
            } catch (InvalidInputException e) {
                failures.add(new InboxBulkOutcome.Failure(id, "invalid"));
            } catch (OptimisticLockingFailureException e) {
                failures.add(new InboxBulkOutcome.Failure(id, "changed"));
            }
        }
        return new InboxBulkOutcome(done, failures, null);
    }

    /** "me", "none" (take it away from whoever has it) or an agent's id; the group stays as it is. */
    private static Optional<TicketChanges> assignment(String assignee, CurrentUser user) {
        String value = assignee == null ? "" : assignee.strip();
        Optional<UserId> agent;
        if (value.equals("me")) {
            agent = Optional.of(user.id());
        } else if (value.equals("none")) {
            agent = Optional.empty();
        } else if (value.matches("\\d{1,18}")) {
            agent = Optional.of(new UserId(Long.parseLong(value)));
        } else {
            return Optional.empty();
        }
        return Optional.of(new TicketChanges(null, null, agent, null, null, null, null));
    }

    private static Optional<TicketChanges> status(String code) {
        try {
            TicketStatus status = EnumCodes.parse(TicketStatus.class, code, "status");
            return InboxPage.BULK_STATUSES.contains(status)
                    ? Optional.of(new TicketChanges(status, null, null, null, null, null, null))
                    : Optional.empty();
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }
}
