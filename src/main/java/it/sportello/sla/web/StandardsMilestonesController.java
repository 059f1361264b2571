package it.sportello.sla.web;

import it.sportello.identity.CurrentUser;
import it.sportello.shared.InvalidInputException;
import it.sportello.sla.Milestones;
import it.sportello.ticket.TicketId;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The milestones panel of the ticket page, loaded and posted by htmx (the ticket module knows nothing
 * of standards): the ticket's milestones and a small form to record one now.
 */
@Controller
@RequestMapping("/tickets/{ticketId}/milestones")
@PreAuthorize("hasRole('AGENT')")
class StandardsMilestonesController {

    private final Milestones milestones;

    StandardsMilestonesController(Milestones milestones) {
        this.milestones = milestones;
    }

    @GetMapping
    String panel(@PathVariable long ticketId, Model model) {
        return show(ticketId, model);
    }

    @PostMapping
    String record(
            @PathVariable long ticketId,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String note,
            @AuthenticationPrincipal CurrentUser actor,
            Model model,
            HttpServletResponse response) {
        try {
            milestones.record(new TicketId(ticketId), name, null, note, actor);
        } catch (InvalidInputException e) {
            model.addAttribute("milestoneError", true);
            model.addAttribute("typedName", name);
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        }
        return show(ticketId, model);
    }

    private String show(long ticketId, Model model) {
        model.addAttribute("ticketId", ticketId);
        model.addAttribute("milestones", milestones.of(new TicketId(ticketId)));
        return "sla/standards-milestones :: panel";
    }
}
