package it.sportello.ticket.web;

import it.sportello.identity.CurrentUser;
import it.sportello.shared.NotFoundException;
import it.sportello.ticket.Attachment;
import it.sportello.ticket.AttachmentDownloads;
import it.sportello.ticket.TicketId;
import it.sportello.ticket.TicketManagement;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The staff ticket page ({@code /tickets/{id}}, agents and above): the conversation, the reply box,
 * the properties and the customer. The timeline and the properties panel are also served alone,
 * for the page to refresh them in place when its live stream says the ticket changed.
 */
@Controller
class TicketPageController {

    private final TicketManagement tickets;
    private final AttachmentDownloads downloads;
    private final TicketPageViews views;
    private final MessageSource messages;
    private final DataSize maxSize;

    TicketPageController(
            TicketManagement tickets,
            AttachmentDownloads downloads,
            TicketPageViews views,
            MessageSource messages,
            @Value("${sportello.attachments.max-size:20MB}") DataSize maxSize) {
        this.tickets = tickets;
        this.downloads = downloads;
        this.views = views;
        this.messages = messages;
        this.maxSize = maxSize;
    }

    @GetMapping("/tickets/{id}")
    String page(
            @PathVariable long id,
            @RequestParam(name = "upload", required = false) String upload,
            CurrentUser user,
            Model model) {
        Map<String, String> errors = "too-large".equals(upload)
                ? Map.of(
                        "attachments",
                        TicketPageModel.text(messages, "workspace.reply.error.file-size", maxSize.toMegabytes()))
                : null;
        return TicketPageModel.page(model, views.page(new TicketId(id), user), null, null, null, errors);
    }

    /** The timeline, with the ticket's header swapped out-of-band (its status may have changed too). */
    @GetMapping("/tickets/{id}/timeline")
    String timeline(@PathVariable long id, CurrentUser user, Model model) {
        model.addAttribute("ticket", views.timeline(new TicketId(id), user));
        return TicketPageModel.PAGE + " :: live";
    }

    @GetMapping("/tickets/{id}/properties")
    String properties(@PathVariable long id, CurrentUser user, Model model) {
        TicketPageView ticket = views.page(new TicketId(id), user);
        TicketPageModel.page(model, ticket, null, null, null, null);
        return TicketPageModel.PAGE + " :: propertiesPanel";
    }

    /**
     * An attachment of this ticket, for a signed-in agent. Served like the API's download (see
     * AttachmentController): always as a download, typed from its bytes, sniffing off and sandboxed,
     * so an uploaded page can never run as part of Sportello.
     */
    @GetMapping("/tickets/{id}/attachments/{attachmentId}")
    ResponseEntity<InputStreamResource> attachment(
            @PathVariable long id, @PathVariable long attachmentId, CurrentUser user) {
        Attachment attachment = tickets.attachment(attachmentId, user);
        if (attachment.ticketId().value() != id) {
            throw new NotFoundException("Attachment", attachmentId);
        }
        return downloads.of(attachment);
    }
}
