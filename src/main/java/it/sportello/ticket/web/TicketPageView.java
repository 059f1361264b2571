package it.sportello.ticket.web;

import it.sportello.customer.JourneyStage;
import it.sportello.ticket.Channel;
import it.sportello.ticket.Priority;
import it.sportello.ticket.TicketStatus;
import java.time.Instant;
import java.util.List;

/**
 * Everything the staff ticket page shows: the ticket, its conversation and activity as one
 * timeline, the customer beside it, and the choices the properties panel offers. Names are already
 * looked up and activity lines already written in the page's language.
 */
record TicketPageView(
        long id,
        String subject,
        TicketStatus status,
        Priority priority,
        Channel channel,
        Long mergedInto,
        long version,
        Instant createdAt,
        Instant updatedAt,
        Long assigneeId,
        String assigneeName,
        Long groupId,
        String groupName,
        List<String> tags,
        List<Entry> timeline,
        CustomerPanel customer,
        List<TicketStatus> statusChoices,
        List<Choice> agents,
        List<Choice> groups) {

    public boolean closed() {
        return status == TicketStatus.CLOSED;
    }

    public List<Priority> priorities() {
        return List.of(Priority.values());
    }

    /** The statuses an agent may set together with a reply. */
    public List<TicketStatus> statusesAfterReply() {
        return List.of(TicketStatus.PENDING, TicketStatus.ON_HOLD, TicketStatus.SOLVED);
    }

    /**
     * One line of the timeline. {@code kind} is {@code customer}, {@code reply} or {@code note} for
     * messages (with author, channel, body and files) and {@code activity} for a change of the
     * ticket (with its sentence in {@code text}).
     */
    record Entry(
            String kind,
            Long messageId,
            String author,
            Channel channel,
            String html,
            String newPartHtml,
            String text,
            Instant at,
            List<File> attachments) {

        /** Stable across fetches, so a page adds only the entries it does not show yet. */
        public String key() {
            return message() ? "m-" + messageId : "a-" + at.toEpochMilli() + "-" + Integer.toHexString(text.hashCode());
        }

        public boolean message() {
            return !"activity".equals(kind);
        }

        public boolean note() {
            return "note".equals(kind);
        }

        /** True when the quoted history is folded away: {@code newPartHtml} first, the whole {@code html} on demand. */
        public boolean folded() {
            return newPartHtml != null;
        }
    }

    /** An attachment as a download link on this page. */
    record File(long id, String fileName, String contentType, String size) {}

    /** The customer beside the conversation, with their other tickets (newest activity first). */
    record CustomerPanel(
            long id,
            String name,
            List<String> emails,
            List<String> phones,
            String organisation,
            JourneyStage journeyStage,
            List<OtherTicket> otherTickets,
            long moreTickets) {}

    record OtherTicket(long id, String subject, TicketStatus status, Instant updatedAt) {}

    /** An option of a select: a staff member or a group. */
    record Choice(long id, String name) {}
}
