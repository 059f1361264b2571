package it.sportello.ticket.web;

import it.sportello.identity.CurrentUser;
import it.sportello.ticket.Attachment;
import it.sportello.ticket.TicketManagement;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
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

    AttachmentController(TicketManagement tickets) {
        this.tickets = tickets;
    }

    @GetMapping("/api/v1/attachments/{id}")
    ResponseEntity<InputStreamResource> download(@PathVariable long id, CurrentUser user) {
        Attachment attachment = tickets.attachment(id, user);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(attachment.contentType()))
                .contentLength(attachment.size())
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(attachment.fileName(), java.nio.charset.StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox; default-src 'none'")
                .body(new InputStreamResource(tickets.openAttachment(attachment)));
    }
}
