package it.sportello.ticket;

import it.sportello.shared.AssignedIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A file sent with a message. The bytes live in the attachment store, not in the table; the row
 * keeps the content type we detected from the bytes themselves, which is the one we serve.
 */
@Entity
@Table(name = "ticket_attachment")
public class Attachment extends AssignedIdEntity {

    static final String SEQUENCE = "ticket_attachment_seq";

    @Column(name = "message_id", nullable = false)
    private Long messageId;

    @Column(name = "ticket_id", nullable = false)
    private Long ticketId;

    @Column(name = "file_name", nullable = false)
    private String fileName;

    @Column(name = "content_type", nullable = false)
    private String contentType;

    @Column(name = "size_bytes", nullable = false)
    private long size;

    @Column(nullable = false)
    private String sha256;

    @Column(name = "storage_key", nullable = false)
    private String storageKey;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Attachment() {}

    Attachment(
            long id,
            MessageId message,
            TicketId ticket,
            String fileName,
            String contentType,
            long size,
            String sha256,
            String storageKey,
            Instant now) {
        super(id);
        this.messageId = message.value();
        this.ticketId = ticket.value();
        this.fileName = fileName;
        this.contentType = contentType;
        this.size = size;
        this.sha256 = sha256;
        this.storageKey = storageKey;
        this.createdAt = now;
    }

    public long id() {
        return getId();
    }

    public MessageId messageId() {
        return new MessageId(messageId);
    }

    public TicketId ticketId() {
        return new TicketId(ticketId);
    }

    public String fileName() {
        return fileName;
    }

    public String contentType() {
        return contentType;
    }

    public long size() {
        return size;
    }

    public String sha256() {
        return sha256;
    }

    String storageKey() {
        return storageKey;
    }

    void moveTo(TicketId ticket) {
        this.ticketId = ticket.value();
    }

    public Instant createdAt() {
        return createdAt;
    }
}
