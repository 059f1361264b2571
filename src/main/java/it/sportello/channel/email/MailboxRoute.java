package it.sportello.channel.email;

import it.sportello.identity.GroupId;
import java.util.Set;

/**
 * Where a raw message came in and where its tickets go: {@code key} names the source for
 * de-duplication ("pipe" for the raw-MIME endpoint, "mailbox-{id}" for an IMAP mailbox),
 * {@code group} receives new tickets (null: none), and {@code deskAddresses} are the desk's own
 * addresses, so mail from them is recognised as the desk's and replies are sent from {@code replyFrom}.
 */
public record MailboxRoute(String key, GroupId group, Set<String> deskAddresses, String replyFrom) {}
