package it.sportello.channel.email.outbound;

import it.sportello.ticket.TicketId;
import java.util.regex.Pattern;

/**
 * Subjects of the desk's mail: {@code Re: <subject> [#<ticket>]}. The tag is how a customer's
 * answer finds its ticket when their mail client loses the threading headers.
 */
final class Subjects {

    private static final Pattern ALREADY_A_REPLY = Pattern.compile("(?i)^(re|r|aw|sv|rif)\\s*:.*");

    private Subjects() {}

    static String reply(String subject, TicketId ticket) {
        String base = subject == null ? "" : subject.strip();
        String replied = ALREADY_A_REPLY.matcher(base).matches() ? base : "Re: " + base;
        return tagged(replied, ticket);
    }

    static String tagged(String subject, TicketId ticket) {
        String tag = "[#" + ticket.value() + "]";
        return subject.contains(tag) ? subject : subject + " " + tag;
    }
}
