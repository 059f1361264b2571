package it.sportello.ticket;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import org.springframework.data.domain.Persistable;

/**
 * A file sent with a message. The bytes live in the attachment store, not in the table; the row
 * keeps the content type we detected from the bytes themselves, which is the one we serve.
 */
@Entity
@Table(name = "ticket_attachment")
public class Attachment implements Persistable<Long> {

    static final String SEQUENCE = "ticket_attachment_seq";

    @Id
    private Long id;

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

    @Transient
    private boolean isNew;

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
        this.id = id;
        this.messageId = message.value();
        this.ticketId = ticket.value();
        this.fileName = fileName;
        this.contentType = contentType;
        this.size = size;
        this.sha256 = sha256;
        this.storageKey = storageKey;
        this.createdAt = now;
        this.isNew = true;
    }

    public long id() {
        return id;
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

    @Override
    public Long getId() {
        return id;
    }

    @Override
    public boolean isNew() {
        return isNew;
    }

    @PostPersist
    @PostLoad
    void markStored() {
        isNew = false;
    }
}
