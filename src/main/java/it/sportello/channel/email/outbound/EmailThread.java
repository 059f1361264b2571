package it.sportello.channel.email.outbound;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Persistable;

/**
 * What the desk remembers of a ticket's e-mail conversation to answer into it: the desk address
 * the customer wrote to, and their latest mail's Message-ID with its References chain.
 */
@Entity
@Table(name = "channel_email_thread")
class EmailThread implements Persistable<Long> {

    /** Mail clients cope with long chains, but a header has to end somewhere. */
    private static final int MAX_REFERENCES = 20;

    /** Longer "Message-ID"s are junk; the columns hold a chain of at most this many characters. */
    private static final int MAX_ID = 900;

    private static final int MAX_CHAIN = 3900;

    @Id
    @Column(name = "ticket_id")
    private Long ticketId;

    @Column(name = "reply_from")
    private String replyFrom;

    @Column(name = "last_message_id")
    private String lastMessageId;

    @Column(name = "references_chain")
    private String referencesChain;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** Its id is the ticket's, so Spring Data cannot tell a new one by it: told, it spares a select. */
    @Transient
    private boolean isNew;

    protected EmailThread() {}

    EmailThread(long ticketId) {
        this.ticketId = ticketId;
        this.isNew = true;
    }

    @Override
    public Long getId() {
        return ticketId;
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

    /** A mail from the customer arrived; an older one arriving late does not replace a newer one. */
    void received(String replyFrom, String messageId, List<String> references, Instant at) {
        if (updatedAt != null && at.isBefore(updatedAt)) {
            return;
        }
        if (replyFrom != null && !replyFrom.isBlank()) {
            this.replyFrom = replyFrom;
        }
        if (messageId != null && !messageId.isBlank() && messageId.length() <= MAX_ID) {
            List<String> chain = new ArrayList<>(
                    references.stream().filter(id -> id.length() <= MAX_ID).toList());
            chain.remove(messageId);
            chain.add(messageId);
            if (chain.size() > MAX_REFERENCES) {
                // Keep the first (the conversation's root) and the latest ones.
                List<String> kept = new ArrayList<>(chain.subList(chain.size() - MAX_REFERENCES + 1, chain.size()));
                kept.addFirst(chain.getFirst());
                chain = kept;
            }
            while (String.join(" ", chain).length() > MAX_CHAIN && chain.size() > 2) {
                chain.remove(1);
            }
            this.lastMessageId = messageId;
            this.referencesChain = String.join(" ", chain);
        }
        this.updatedAt = at;
    }

    Optional<String> replyFrom() {
        return Optional.ofNullable(replyFrom);
    }

    Optional<String> lastMessageId() {
        return Optional.ofNullable(lastMessageId);
    }

    List<String> references() {
        return referencesChain == null ? List.of() : Arrays.asList(referencesChain.split(" "));
    }
}
