package it.sportello.ticket.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import it.sportello.identity.GroupId;
import it.sportello.ticket.Attachment;
import it.sportello.ticket.AuthorType;
import it.sportello.ticket.Channel;
import it.sportello.ticket.Message;
import it.sportello.ticket.Priority;
import it.sportello.ticket.Ticket;
import it.sportello.ticket.TicketActivity;
import it.sportello.ticket.TicketClocks;
import it.sportello.ticket.TicketId;
import it.sportello.ticket.TicketStatus;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A ticket as the API shows it. Lists leave out {@code messages} and {@code activity}; a single
 * ticket has them (customers never see internal notes or the activity).
 */
record TicketView(
        long id,
        long number,
        String subject,
        TicketStatus status,
        Priority priority,
        Channel channel,
        PartyView requester,
        PartyView assignee,
        Long groupId,
        Set<String> tags,
        Instant createdAt,
        Instant updatedAt,
        Instant firstReplyAt,
        Instant lastCustomerMessageAt,
        Instant lastAgentReplyAt,
        Instant solvedAt,
        Instant closedAt,
        int reopenedCount,
        Long mergedIntoId,
        long version,
        @JsonInclude(JsonInclude.Include.NON_NULL) TicketClocks.Summary sla,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<MessageView> messages,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<ActivityView> activity) {

    static TicketView of(Ticket t, TicketViews.Names names, List<MessageView> messages, List<ActivityView> activity) {
        return of(t, names, null, messages, activity);
    }

    /** With the ticket's service-level clocks ({@code sla} null: left out, as for customers). */
    static TicketView of(
            Ticket t,
            TicketViews.Names names,
            TicketClocks.Summary sla,
            List<MessageView> messages,
            List<ActivityView> activity) {
        return new TicketView(
                t.id().value(),
                t.id().value(),
                t.subject(),
                t.status(),
                t.priority(),
                t.channel(),
                names.customer(t.requester()),
                t.assignee().map(names::user).orElse(null),
                t.group().map(GroupId::value).orElse(null),
                t.tags(),
                t.createdAt(),
                t.updatedAt(),
                t.firstReplyAt().orElse(null),
                t.lastCustomerMessageAt().orElse(null),
                t.lastAgentReplyAt().orElse(null),
                t.solvedAt().orElse(null),
                t.closedAt().orElse(null),
                t.reopenedCount(),
                t.mergedInto().map(TicketId::value).orElse(null),
                t.version(),
                sla,
                messages,
                activity);
    }

    /** A person mentioned by a ticket: a customer (with e-mail) or a member of staff. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PartyView(long id, String name, String email) {}

    record AuthorView(AuthorType type, Long id, String name) {}

    record AttachmentView(long id, String fileName, String contentType, long size, String url) {
        static AttachmentView of(Attachment a) {
            return new AttachmentView(a.id(), a.fileName(), a.contentType(), a.size(), "/api/v1/attachments/" + a.id());
        }
    }

    record MessageView(
            long id,
            AuthorView author,
            boolean internal,
            String body,
            String html,
            Channel channel,
            Instant createdAt,
            List<AttachmentView> attachments) {

        static MessageView of(Message m, TicketViews.Names names, List<Attachment> attachments) {
            AuthorView author = m.authorCustomer()
                    .map(c -> new AuthorView(
                            m.authorType(), c.value(), names.customer(c).name()))
                    .or(() -> m.authorUser()
                            .map(u -> new AuthorView(
                                    m.authorType(), u.value(), names.user(u).name())))
                    .orElse(new AuthorView(m.authorType(), null, null));
            return new MessageView(
                    m.messageId().value(),
                    author,
                    m.internal(),
                    m.bodyText(),
                    m.bodyHtml(),
                    m.channel(),
                    m.createdAt(),
                    attachments.stream().map(AttachmentView::of).toList());
        }
    }

    record ActivityView(String kind, String detail, Instant occurredAt) {
        static ActivityView of(TicketActivity a) {
            return new ActivityView(a.kind(), a.detail(), a.occurredAt());
        }
    }
}
