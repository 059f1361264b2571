package it.sportello.ticket.web;

import it.sportello.identity.CurrentUser;
import it.sportello.ticket.Channel;
import it.sportello.ticket.Priority;
import it.sportello.ticket.TicketOrder;
import it.sportello.ticket.TicketStatus;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * Fills the inbox template's model and names the part to render: the whole page, the part htmx
 * swaps after a filter, a page turn or a bulk action (the list, plus the view counts out of band),
 * or the counts alone.
 */
@Component
class InboxPage {

    /** The statuses a bulk action offers; "new" is where tickets start, never where they are sent. */
    static final List<TicketStatus> BULK_STATUSES = List.of(
            TicketStatus.OPEN, TicketStatus.PENDING, TicketStatus.ON_HOLD, TicketStatus.SOLVED, TicketStatus.CLOSED);

    private final InboxListing listing;

    InboxPage(InboxListing listing) {
        this.listing = listing;
    }

    String full(Model model, InboxList list, CurrentUser user) {
        fill(model, list, user, false);
        model.addAttribute("groups", listing.groups());
        model.addAttribute("agents", listing.agents());
        model.addAttribute("channels", Channel.values());
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("orders", TicketOrder.values());
        model.addAttribute("bulkStatuses", BULK_STATUSES);
        return "ticket/inbox";
    }

    String partial(Model model, InboxList list, CurrentUser user) {
        fill(model, list, user, true);
        return "ticket/inbox-partial";
    }

    String counts(Model model, InboxQuery query, CurrentUser user) {
        model.addAttribute("query", query);
        model.addAttribute("counts", listing.counts(query, user));
        model.addAttribute("oob", false);
        return "ticket/inbox :: views";
    }

    private void fill(Model model, InboxList list, CurrentUser user, boolean outOfBand) {
        model.addAttribute("query", list.query());
        model.addAttribute("list", list);
        model.addAttribute("counts", listing.counts(list, user));
        model.addAttribute("oob", outOfBand);
    }
}
