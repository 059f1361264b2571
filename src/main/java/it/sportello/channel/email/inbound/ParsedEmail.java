package it.sportello.channel.email.inbound;

import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import org.springframework.core.io.InputStreamSource;

/**
 * What a stored raw message says, read by {@link MimeParsing}: who sent it, about what, its text
 * and HTML (not yet sanitised), its files, the Message-IDs it refers to and, for a delivery
 * report, the report. Attachments are read from the stored file when needed, so it must be
 * closed after use.
 */
public final class ParsedEmail implements AutoCloseable {

    /** A file of the message, re-readable from the stored copy; {@code contentId} for inline images. */
    public record Attachment(String fileName, String contentType, String contentId, InputStreamSource content) {}

    private final MimeMessage message;
    private final InputStream source;
    private final String senderAddress;
    private final String senderName;
    private final String subject;
    private final String messageId;
    private final List<String> referencedIds;
    private final String text;
    private final String html;
    private final List<Attachment> attachments;
    private final BounceReport bounce;

    ParsedEmail(
            MimeMessage message,
            InputStream source,
            String senderAddress,
            String senderName,
            String subject,
            String messageId,
            List<String> referencedIds,
            String text,
            String html,
            List<Attachment> attachments,
            BounceReport bounce) {
        this.message = message;
        this.source = source;
        this.senderAddress = senderAddress;
        this.senderName = senderName;
        this.subject = subject;
        this.messageId = messageId;
        this.referencedIds = List.copyOf(referencedIds);
        this.text = text;
        this.html = html;
        this.attachments = List.copyOf(attachments);
        this.bounce = bounce;
    }

    /** The parsed message itself, for header checks (automatic mail). */
    public MimeMessage message() {
        return message;
    }

    /** The sender's address, lower-case. */
    public String senderAddress() {
        return senderAddress;
    }

    public String senderName() {
        return senderName;
    }

    /** The decoded subject; empty when there is none. */
    public String subject() {
        return subject;
    }

    public String messageId() {
        return messageId;
    }

    /** Message-IDs this one answers: {@code In-Reply-To} first, then {@code References} from the newest. */
    public List<String> referencedIds() {
        return referencedIds;
    }

    /** The plain-text body (decoded); empty when there is none. */
    public String text() {
        return text;
    }

    /** The HTML body as sent (not sanitised); null when there is none. */
    public String html() {
        return html;
    }

    public List<Attachment> attachments() {
        return attachments;
    }

    /** The delivery-status report, when this is a bounce (RFC 3464). */
    public Optional<BounceReport> bounce() {
        return Optional.ofNullable(bounce);
    }

    @Override
    public void close() {
        try {
            source.close();
        } catch (IOException ignored) {
            // Only the read handle on the stored copy; the copy itself stays.
        }
    }
}
