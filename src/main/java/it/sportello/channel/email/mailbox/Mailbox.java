package it.sportello.channel.email.mailbox;

import java.time.Instant;

/**
 * An IMAP mailbox the desk polls, as stored, without its password: where to connect, which folder
 * to read and where processed mail goes ({@code processedFolder}; none: it is flagged \Seen),
 * the address customers write to, the group new tickets go to, and how its last poll went.
 */
record Mailbox(
        long id,
        String name,
        String host,
        int port,
        boolean tls,
        String username,
        String folder,
        String processedFolder,
        String address,
        Long groupId,
        int pollIntervalSeconds,
        boolean enabled,
        Instant lastPollAt,
        String lastError,
        Instant createdAt,
        Instant updatedAt) {

    /** The intake's route key: messages are de-duplicated per mailbox. */
    String routeKey() {
        return "mailbox-" + id;
    }
}
