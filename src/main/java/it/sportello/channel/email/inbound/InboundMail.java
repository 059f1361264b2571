package it.sportello.channel.email.inbound;

import it.sportello.channel.email.MailboxRoute;
import java.util.Optional;

/**
 * One inbound message as the filters see it: the parsed mail, the route it came in on, and what
 * earlier filters learnt about it (whether a machine sent it). Made afresh for each processing
 * attempt, so a retried transaction starts from what the mail says, not from a half-run pipeline.
 */
public final class InboundMail {

    private final ParsedEmail email;
    private final MailboxRoute route;
    private String automaticReason;

    public InboundMail(ParsedEmail email, MailboxRoute route) {
        this.email = email;
        this.route = route;
    }

    public ParsedEmail email() {
        return email;
    }

    public MailboxRoute route() {
        return route;
    }

    /** The sender's address, lower-case. */
    public String sender() {
        return email.senderAddress();
    }

    /** Why a machine sent the mail (never to be answered automatically); empty for mail a person wrote. */
    public Optional<String> automaticReason() {
        return Optional.ofNullable(automaticReason);
    }

    public boolean automatic() {
        return automaticReason != null;
    }

    /** Notes that a machine sent the mail; the first reason found stays, as the one shown. */
    public void markAutomatic(String reason) {
        if (automaticReason == null) {
            automaticReason = reason;
        }
    }
}
