package it.sportello.ticket;

import it.sportello.customer.CustomerId;
import it.sportello.identity.UserId;
import it.sportello.shared.AssignedIdEntity;
import it.sportello.shared.SafeHtml;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One message of a ticket: what the customer wrote, an agent's public reply, or an internal
 * note. Bodies are stored sanitised, as HTML and as plain text. Made only by {@link Ticket}.
 */
@Entity
@Table(name = "ticket_message")
public class Message extends AssignedIdEntity {

    static final String SEQUENCE = "ticket_message_seq";

    @Column(name = "ticket_id", nullable = false)
    private Long ticketId;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "author_type", nullable = false)
    private AuthorType authorType;

    @Column(name = "author_user_id")
    private Long authorUserId;

    @Column(name = "author_customer_id")
    private Long authorCustomerId;

    @Column(name = "is_internal", nullable = false)
    private boolean internal;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false)
    private Channel channel;

    @Column(name = "body_text", nullable = false, length = 1_000_000)
    private String bodyText;

    @Column(name = "body_html", nullable = false, length = 1_000_000)
    private String bodyHtml;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "quoted_from")
    private Integer quotedFrom;

    protected Message() {}

    private Message(
            MessageId id,
            TicketId ticket,
            AuthorType authorType,
            Long userId,
            Long customerId,
            boolean internal,
            Channel channel,
            SafeHtml body,
            Instant now) {
        super(id.value());
        this.ticketId = ticket.value();
        this.authorType = authorType;
        this.authorUserId = userId;
        this.authorCustomerId = customerId;
        this.internal = internal;
        this.channel = channel;
        this.bodyText = body.text();
        this.bodyHtml = body.html();
        this.createdAt = now;
    }

    static Message fromCustomer(
            MessageId id, TicketId ticket, CustomerId customer, SafeHtml body, Channel via, Instant now) {
        return new Message(id, ticket, AuthorType.CUSTOMER, null, customer.value(), false, via, body, now);
    }

    static Message fromSystem(MessageId id, TicketId ticket, SafeHtml body, Channel via, Instant now) {
        return new Message(id, ticket, AuthorType.SYSTEM, null, null, true, via, body, now);
    }

    /** A public answer from the desk itself (the chat bot), written by no person. */
    static Message fromDesk(MessageId id, TicketId ticket, SafeHtml body, Channel via, Instant now) {
        return new Message(id, ticket, AuthorType.SYSTEM, null, null, false, via, body, now);
    }

    static Message fromAgent(
            MessageId id, TicketId ticket, UserId agent, SafeHtml body, Channel via, boolean internal, Instant now) {
        return new Message(id, ticket, AuthorType.AGENT, agent.value(), null, internal, via, body, now);
    }

    public MessageId messageId() {
        return new MessageId(getId());
    }

    public TicketId ticketId() {
        return new TicketId(ticketId);
    }

    public AuthorType authorType() {
        return authorType;
    }

    public Optional<UserId> authorUser() {
        return Optional.ofNullable(authorUserId).map(UserId::new);
    }

    public Optional<CustomerId> authorCustomer() {
        return Optional.ofNullable(authorCustomerId).map(CustomerId::new);
    }

    /** True for notes that only the desk sees. */
    public boolean internal() {
        return internal;
    }

    public Channel channel() {
        return channel;
    }

    public String bodyText() {
        return bodyText;
    }

    public String bodyHtml() {
        return bodyHtml;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** Marks where the quoted history begins; an offset that would leave no new text, or no history, is ignored. */
    void foldQuotedHistoryAt(Integer offset) {
        boolean fits = offset != null
                && offset > 0
                && offset < bodyText.length()
                && !bodyText.substring(0, offset).isBlank()
                && !bodyText.substring(offset).isBlank();
        this.quotedFrom = fits ? offset : null;
    }

    /** Where the quoted history of the plain text begins, if the channel found one. */
    public Optional<Integer> quotedFrom() {
        return Optional.ofNullable(quotedFrom);
    }

    /**
     * What the message adds to the conversation, without the history and signature it repeats, as
     * plain text wrapped in HTML (formatting of an HTML body is not kept); empty when nothing is
     * folded, so the full body is all there is to show.
     */
    public Optional<SafeHtml> newPart() {
        return quotedFrom().map(offset -> SafeHtml.fromPlainText(bodyText.substring(0, offset)));
    }
}
