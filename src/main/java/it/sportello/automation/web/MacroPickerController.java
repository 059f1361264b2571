package it.sportello.automation.web;

import it.sportello.automation.Macros;
import it.sportello.identity.CurrentUser;
import it.sportello.ticket.TicketId;
import it.sportello.ticket.TicketManagement;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The macro picker of the ticket page's reply box: the macros the agent may use, and applying one
 * (the page then puts the reply in the box for review and refreshes the ticket's properties).
 */
@Controller
@PreAuthorize("hasRole('AGENT')")
class MacroPickerController {

    private final Macros macros;
    private final TicketManagement tickets;
    private final MessageSource messages;

    MacroPickerController(Macros macros, TicketManagement tickets, MessageSource messages) {
        this.macros = macros;
        this.tickets = tickets;
        this.messages = messages;
    }

    /** What the page does with an applied macro: the reply to review, the status to send it with, and a notice. */
    record AppliedOnPage(String reply, String statusAfter, String notice) {}

    @GetMapping("/tickets/{id}/macros")
    String picker(@PathVariable long id, CurrentUser agent, Model model) {
        tickets.requireVisible(new TicketId(id), agent);
        model.addAttribute("ticketId", id);
        model.addAttribute("macros", macros.usableBy(agent));
        return "automation/macro-picker :: picker";
    }

    @PostMapping("/tickets/{id}/macros/{macroId}")
    @ResponseBody
    AppliedOnPage apply(@PathVariable long id, @PathVariable long macroId, CurrentUser agent) {
        Macros.Applied applied = macros.apply(new TicketId(id), macroId, agent);
        return new AppliedOnPage(
                applied.reply(),
                applied.statusAfter() == null ? "" : applied.statusAfter().code(),
                messages.getMessage(
                        "automation.macro-picker.applied",
                        new Object[] {applied.macro().name()},
                        LocaleContextHolder.getLocale()));
    }
}
