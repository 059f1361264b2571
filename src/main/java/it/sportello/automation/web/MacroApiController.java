package it.sportello.automation.web;

import it.sportello.automation.Macros;
import it.sportello.identity.CurrentUser;
import it.sportello.ticket.TicketId;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Macros for agents: the ones they may use, and applying one to a ticket. Applying changes the
 * ticket's group, assignee, priority and tags and adds the macro's note at once; the reply (filled
 * in, in the customer's language) and the status come back to be sent with the agent's reply.
 */
@RestController
@PreAuthorize("hasRole('AGENT')")
class MacroApiController {

    private final Macros macros;

    MacroApiController(Macros macros) {
        this.macros = macros;
    }

    record AppliedView(
            long macroId, String macroName, long ticketId, long ticketVersion, String reply, String statusAfter) {}

    /** The active macros the caller may apply. */
    @GetMapping("/api/v1/macros")
    List<MacroView> usable(@AuthenticationPrincipal CurrentUser agent) {
        return macros.usableBy(agent).stream().map(MacroView::of).toList();
    }

    @PostMapping("/api/v1/tickets/{ticketId}/macros/{macroId}")
    AppliedView apply(
            @PathVariable long ticketId, @PathVariable long macroId, @AuthenticationPrincipal CurrentUser agent) {
        Macros.Applied applied = macros.apply(new TicketId(ticketId), macroId, agent);
        return new AppliedView(
                applied.macro().id(),
                applied.macro().name(),
                ticketId,
                applied.ticket().version(),
                applied.reply(),
                applied.statusAfter() == null ? null : applied.statusAfter().code());
    }
}
