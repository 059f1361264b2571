package it.sportello.channel.email.inbound;

import it.sportello.ticket.TicketManagement;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.tika.Tika;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Sorts a message's files into those the ticket takes and those it would refuse (programs, files
 * over the attachment limit), so one bad file costs a note, not the whole message. The ticket
 * module checks again when it stores them; this only spares the message a failure.
 */
@Component
public class InboundAttachments {

    /** The same types the attachment store refuses (it/sportello/ticket/internal/AttachmentStore). */
    private static final Set<String> EXECUTABLE = Set.of(
            "application/x-msdownload",
            "application/x-dosexec",
            "application/x-executable",
            "application/x-sh",
            "application/x-msdos-program",
            "application/java-archive");

    private final Tika tika = new Tika();
    private final long maxSize;

    InboundAttachments(@Value("${sportello.attachments.max-size:20MB}") DataSize maxSize) {
        this.maxSize = maxSize.toBytes();
    }

    /** A file left out, and why (for the note on the ticket). */
    public record Refused(String fileName, String reason) {}

    public record Sorted(List<TicketManagement.Upload> accepted, List<Refused> refused) {}

    public Sorted sort(List<ParsedEmail.Attachment> attachments) {
        List<TicketManagement.Upload> accepted = new ArrayList<>();
        List<Refused> refused = new ArrayList<>();
        for (ParsedEmail.Attachment attachment : attachments) {
            String problem = problemWith(attachment);
            if (problem == null) {
                // The declared type of mail parts is often wrong; the store types files by their bytes.
                accepted.add(new TicketManagement.Upload(attachment.fileName(), null, attachment.content()));
            } else {
                refused.add(new Refused(attachment.fileName(), problem));
            }
        }
        return new Sorted(accepted, refused);
    }

    private String problemWith(ParsedEmail.Attachment attachment) {
        try (InputStream in = new BufferedInputStream(attachment.content().getInputStream())) {
            String detected = tika.detect(in, attachment.fileName());
            String base = detected.contains(";") ? detected.substring(0, detected.indexOf(';')) : detected;
            if (EXECUTABLE.contains(base.strip())) {
                return "executable";
            }
        } catch (IOException | RuntimeException unreadable) {
            return "unreadable";
        }
        try (InputStream in = attachment.content().getInputStream()) {
            // Counted as decoded, without keeping the bytes: the encoded size says little.
            byte[] buffer = new byte[64 * 1024];
            long size = 0;
            int read;
            while ((read = in.read(buffer)) != -1) {
                size += read;
                if (size > maxSize) {
                    return "too-large";
                }
            }
            return null;
        } catch (IOException | RuntimeException unreadable) {
            return "unreadable";
        }
    }
}
