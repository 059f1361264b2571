package it.sportello.ticket.web;

import it.sportello.identity.CurrentUser;
import it.sportello.ticket.Attachment;
import it.sportello.ticket.AttachmentDownloads;
import it.sportello.ticket.TicketManagement;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Attachment downloads. Always a download (never shown inline), with the content type found in
 * the bytes and sniffing off, so an uploaded page can never run as part of Sportello.
 */
@RestController
class AttachmentController {

    private final TicketManagement tickets;
    private final AttachmentDownloads downloads;

    AttachmentController(TicketManagement tickets, AttachmentDownloads downloads) {
        this.tickets = tickets;
        this.downloads = downloads;
    }

    @GetMapping("/api/v1/attachments/{id}")
    ResponseEntity<InputStreamResource> download(@PathVariable long id, CurrentUser user) {
        Attachment attachment = tickets.attachment(id, user);
        return downloads.of(attachment);
    }
}
