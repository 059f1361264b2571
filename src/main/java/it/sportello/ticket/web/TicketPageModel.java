package it.sportello.ticket.web;

import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.ui.Model;

/**
 * What the ticket page template needs, in one place: every controller that answers with the page
 * (first view, or again after a failed submission) fills the model through here.
 */
final class TicketPageModel {

    static final String PAGE = "ticket/ticket";

    private TicketPageModel() {}

    /** The page with these forms; {@code errors} maps a field to its message, already in the page's language. */
    static String page(
            Model model,
            TicketPageView ticket,
            TicketPageReplyForm reply,
            TicketPagePropertiesForm properties,
            TicketPageMergeForm merge,
            Map<String, String> errors) {
        model.addAttribute("ticket", ticket);
        model.addAttribute("reply", reply == null ? TicketPageReplyForm.empty() : reply);
        model.addAttribute("properties", properties == null ? TicketPagePropertiesForm.of(ticket) : properties);
        model.addAttribute("merge", merge == null ? new TicketPageMergeForm("", false) : merge);
        model.addAttribute("errors", errors == null ? Map.of() : errors);
        return PAGE;
    }

    static String text(MessageSource messages, String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
