package it.sportello.channel.email.inbound;

import it.sportello.shared.PayloadTooLargeException;
import it.sportello.shared.UnsupportedContentException;
import it.sportello.ticket.TicketManagement;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Sorts a message's files into those the ticket takes and those it refuses (programs, files over
 * the attachment limit, parts that cannot be decoded), so one bad file costs a note, not the whole
 * message. The ticket module's own check decides, as each file is taken into its store: a file is
 * read once, and the ticket never sees one that was not checked.
 */
@Component
public class InboundAttachments {

    private final TicketManagement tickets;

    InboundAttachments(TicketManagement tickets) {
        this.tickets = tickets;
    }

    /** A file left out, and why (for the note on the ticket). */
    public record Refused(String fileName, String reason) {}

    public record Sorted(List<TicketManagement.Upload> accepted, List<Refused> refused) {

        public static final Sorted NONE = new Sorted(List.of(), List.of());
    }

    /**
     * The files taken into the attachment store, and those refused. Only inside the transaction that
     * attaches them: should it roll back, the stored bytes go too.
     */
    public Sorted sort(List<ParsedEmail.Attachment> attachments) {
        List<TicketManagement.Upload> accepted = new ArrayList<>();
        List<Refused> refused = new ArrayList<>();
        for (ParsedEmail.Attachment attachment : attachments) {
            PartContent content = new PartContent(attachment.content());
            try {
                // The declared type of mail parts is often wrong; the store types files by their bytes.
                accepted.add(tickets.takeIn(new TicketManagement.Upload(attachment.fileName(), null, content)));
            } catch (UnsupportedContentException program) {
                refused.add(new Refused(attachment.fileName(), "executable"));
            } catch (PayloadTooLargeException tooLarge) {
                refused.add(new Refused(attachment.fileName(), "too-large"));
            } catch (RuntimeException e) {
                if (!content.failed()) {
                    throw e; // the store failed, not the part: the message must not lose a file for it
                }
                refused.add(new Refused(attachment.fileName(), "unreadable"));
            }
        }
        return new Sorted(accepted, refused);
    }
}
