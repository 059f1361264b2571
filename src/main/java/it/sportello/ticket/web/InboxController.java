package it.sportello.ticket.web;

import it.sportello.identity.CurrentUser;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The agent's inbox: the views with their counts, the filtered, sorted and paged list, and "next
 * ticket". One template serves the whole page and, for htmx, only the part that changes.
 */
@Controller
class InboxController {

    private final InboxListing listing;
    private final InboxPage page;

    InboxController(InboxListing listing, InboxPage page) {
        this.listing = listing;
        this.page = page;
    }

    @GetMapping("/inbox")
    String inbox(
            @RequestParam Map<String, String> parameters,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            @RequestHeader(value = "HX-History-Restore-Request", required = false) String historyRestore,
            HttpSession session,
            HttpServletResponse response,
            CurrentUser user,
            Model model) {
        if (!InboxQuery.mentionedIn(parameters)) {
            // The bare address (the navigation link, the way back from a ticket) returns to the last list used.
            var trail = InboxTrail.of(session);
            if (trail.isPresent()) {
                return "redirect:" + trail.get().query().href();
            }
        }
        InboxList list = listing.list(InboxQuery.from(parameters), user);
        new InboxTrail(list.query(), list.ids()).keepIn(session);
        response.addHeader("Vary", "HX-Request");
        if (htmx != null && historyRestore == null) {
            response.setHeader("HX-Push-Url", list.query().href());
            return page.partial(model, list, user);
        }
        return page.full(model, list, user);
    }

    /** The views and their counts alone: polled by the page, so counts stay current on every node. */
    @GetMapping("/inbox/counts")
    String counts(@RequestParam Map<String, String> parameters, CurrentUser user, Model model) {
        return page.counts(model, InboxQuery.from(parameters), user);
    }

    /** The ticket after {@code after} in the list the agent last used; that list when there is none. */
    @GetMapping("/inbox/next")
    String next(@RequestParam(required = false) Long after, HttpSession session, CurrentUser user) {
        InboxTrail trail = InboxTrail.of(session).orElseGet(() -> new InboxTrail(InboxQuery.defaults(), List.of()));
        InboxListing.Next next = listing.next(after == null ? -1 : after, trail, user);
        next.trail().keepIn(session);
        return next.ticket()
                .map(id -> "redirect:/tickets/" + id)
                .orElseGet(() -> "redirect:" + next.trail().query().href());
    }
}
