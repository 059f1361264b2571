package it.sportello.ticket;

import java.nio.charset.StandardCharsets;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The one way an attachment leaves Sportello, whichever page or API serves it: always a download,
 * typed from its bytes, sniffing off and sandboxed, so an upload can never run as a page.
 */
@Component
public class AttachmentDownloads {

    private final TicketManagement tickets;

    AttachmentDownloads(TicketManagement tickets) {
        this.tickets = tickets;
    }

    /** The response for an attachment the caller was already allowed to see ({@link TicketManagement#attachment}). */
    public ResponseEntity<InputStreamResource> of(Attachment attachment) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(attachment.contentType()))
                .contentLength(attachment.size())
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(attachment.fileName(), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox; default-src 'none'")
                .body(new InputStreamResource(tickets.openAttachment(attachment)));
    }
}
