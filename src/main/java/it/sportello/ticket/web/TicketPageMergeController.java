package it.sportello.ticket.web;

import it.sportello.customer.CustomerManagement;
import it.sportello.identity.CurrentUser;
import it.sportello.shared.ConflictException;
import it.sportello.shared.InvalidInputException;
import it.sportello.shared.NotFoundException;
import it.sportello.ticket.Ticket;
import it.sportello.ticket.TicketId;
import it.sportello.ticket.TicketManagement;
import it.sportello.ticket.TicketStatus;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Merging a ticket into another from its page, in two steps: the number typed is checked and the
 * two tickets are shown side by side for confirmation; only the confirmed form merges.
 */
@Controller
class TicketPageMergeController {

    private final TicketManagement tickets;
    private final CustomerManagement customers;
    private final TicketPageViews views;
    private final MessageSource messages;

    TicketPageMergeController(
            TicketManagement tickets, CustomerManagement customers, TicketPageViews views, MessageSource messages) {
        this.tickets = tickets;
        this.customers = customers;
        this.views = views;
        this.messages = messages;
    }

    /** The ticket a merge would go into, as the confirmation shows it. */
    record MergeTarget(long id, String subject, TicketStatus status, String customer) {}

    @PostMapping("/tickets/{id}/merge")
    String merge(
            @PathVariable long id,
            @ModelAttribute("merge") TicketPageMergeForm form,
            CurrentUser user,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        TicketId source = new TicketId(id);
        TicketPageView ticket = views.page(source, user);
        Long targetId = form.targetId();
        String error = null;
        Ticket target = null;
        if (targetId == null) {
            error = text("workspace.merge.error.number");
        } else if (targetId == id) {
            error = text("workspace.merge.error.self");
        } else {
            try {
                target = tickets.details(new TicketId(targetId), user).ticket();
                if (target.status() == TicketStatus.CLOSED) {
                    error = text("workspace.merge.error.closed", String.valueOf(targetId));
                }
            } catch (NotFoundException e) {
                error = text("workspace.merge.error.unknown", String.valueOf(targetId));
            }
        }
        if (error == null && ticket.closed()) {
            error = text("workspace.merge.error.source-closed");
        }
        if (error != null) {
            return refused(model, ticket, form, error, response);
        }
        if (!form.isConfirmed()) {
            model.addAttribute("ticket", ticket);
            model.addAttribute(
                    "target",
                    new MergeTarget(
                            target.id().value(),
                            target.subject(),
                            target.status(),
                            customers.get(target.requester()).name()));
            return "ticket/ticket-merge";
        }
        try {
            tickets.merge(source, target.id(), user);
        } catch (ConflictException | InvalidInputException e) {
            // Closed or gone between the confirmation and now.
            return refused(
                    model,
                    views.page(source, user),
                    form,
                    text("workspace.merge.error.closed", String.valueOf(targetId)),
                    response);
        }
        redirect.addFlashAttribute("notice", text("workspace.notice.merged", String.valueOf(targetId)));
        return "redirect:/tickets/" + id;
    }

    private String refused(
            Model model, TicketPageView ticket, TicketPageMergeForm form, String error, HttpServletResponse response) {
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return TicketPageModel.page(
                model, ticket, null, null, new TicketPageMergeForm(form.target(), false), Map.of("target", error));
    }

    private String text(String key, Object... args) {
        return TicketPageModel.text(messages, key, args);
    }
}
