package it.sportello.channel.email.mailbox;

import it.sportello.channel.email.EmailIntake;
import it.sportello.channel.email.MailboxRoute;
import it.sportello.channel.email.inbound.InboundRoutes;
import it.sportello.identity.GroupId;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.search.FlagTerm;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Polls the due mailboxes over IMAP(S). Each message is copied to a temporary file and handed to
 * the intake, and only once the intake has returned (the message stored and committed, or
 * recognised as a duplicate) is it flagged \Seen or moved to the processed folder. A crash in
 * between hands the same message again on the next poll, which the intake answers as a
 * duplicate: one ticket message either way. A failing mailbox records its error and the others
 * are polled all the same.
 */
@Component
class MailboxPolling {

    private static final Logger log = LoggerFactory.getLogger(MailboxPolling.class);

    private final Mailboxes mailboxes;
    private final EmailIntake intake;
    private final InboundRoutes routes;
    private final MailboxIdle idle;
    private final Clock clock;
    private final Duration lease;
    private final Duration timeout;
    private final int batchSize;

    MailboxPolling(
            Mailboxes mailboxes,
            EmailIntake intake,
            InboundRoutes routes,
            MailboxIdle idle,
            Clock clock,
            @Value("${sportello.email.mailboxes.lease:10m}") Duration lease,
            @Value("${sportello.email.mailboxes.timeout:30s}") Duration timeout,
            @Value("${sportello.email.mailboxes.batch-size:200}") int batchSize) {
        this.mailboxes = mailboxes;
        this.intake = intake;
        this.routes = routes;
        this.idle = idle;
        this.clock = clock;
        this.lease = lease;
        this.timeout = timeout;
        this.batchSize = batchSize;
    }

    /** Before any recovery of waiting mail, so a mailbox's messages go to its own group. */
    @EventListener(ApplicationReadyEvent.class)
    void registerRoutes() {
        mailboxes.all().forEach(mailbox -> routes.register(routeOf(mailbox)));
    }

    /** Polls every due mailbox this node can take; returns how many were polled. */
    int pollDue() {
        List<Mailbox> all = mailboxes.all();
        // Known routes let the intake's recovery process a mailbox's waiting mail with its settings.
        all.forEach(mailbox -> routes.register(routeOf(mailbox)));
        idle.reconcile(all);
        int polled = 0;
        for (long id : mailboxes.due(Instant.now(clock))) {
            Instant now = Instant.now(clock);
            if (!mailboxes.lease(id, now, now.plus(lease))) {
                continue;
            }
            Mailbox mailbox = mailboxes.find(id).orElse(null);
            if (mailbox == null) {
                continue;
            }
            String error = null;
            String password = null;
            try {
                password = mailboxes.passwordOf(id);
                poll(mailbox, password);
            } catch (Exception e) {
                error = describe(e, password);
                log.warn("Mailbox {} ({}) could not be polled: {}", mailbox.id(), mailbox.name(), error);
            }
            Instant end = Instant.now(clock);
            mailboxes.finished(id, now, end, end.plusSeconds(mailbox.pollIntervalSeconds()), error);
            polled++;
        }
        return polled;
    }

    MailboxRoute routeOf(Mailbox mailbox) {
        Set<String> desk = new LinkedHashSet<>();
        desk.add(mailbox.address());
        desk.addAll(routes.pipe().deskAddresses());
        return new MailboxRoute(
                mailbox.routeKey(),
                mailbox.groupId() == null ? null : new GroupId(mailbox.groupId()),
                Set.copyOf(desk),
                mailbox.address());
    }

    private void poll(Mailbox mailbox, String password) throws MessagingException, IOException {
        String protocol = mailbox.tls() ? "imaps" : "imap";
        Properties properties = new Properties();
        // PEEK: reading a message must not mark it \Seen; only a stored message is flagged.
        properties.put("mail." + protocol + ".peek", "true");
        properties.put("mail." + protocol + ".connectiontimeout", String.valueOf(timeout.toMillis()));
        properties.put("mail." + protocol + ".timeout", String.valueOf(timeout.toMillis()));
        if (mailbox.tls()) {
            properties.put("mail.imaps.ssl.checkserveridentity", "true");
        }
        MailboxRoute route = routeOf(mailbox);
        Session session = Session.getInstance(properties);
        try (Store store = session.getStore(protocol)) {
            store.connect(mailbox.host(), mailbox.port(), mailbox.username(), password);
            Folder folder = store.getFolder(mailbox.folder());
            folder.open(Folder.READ_WRITE);
            Folder processed = null;
            Exception refused = null;
            try {
                if (mailbox.processedFolder() != null) {
                    processed = store.getFolder(mailbox.processedFolder());
                    if (!processed.exists() && !processed.create(Folder.HOLDS_MESSAGES)) {
                        throw new MessagingException("cannot create folder " + mailbox.processedFolder());
                    }
                }
                // With a processed folder, everything left in the folder is still to do; without
                // one, the \Seen flag tells what was done.
                Message[] waiting = processed != null
                        ? folder.getMessages()
                        : folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
                int handed = 0;
                for (Message message : waiting) {
                    if (handed++ >= batchSize) {
                        break;
                    }
                    if (message.isExpunged() || message.isSet(Flags.Flag.DELETED)) {
                        continue;
                    }
                    try {
                        hand(route, message);
                    } catch (RuntimeException | IOException e) {
                        // The intake refused this one (too large, the database away): it stays
                        // unflagged for the next poll, and the messages after it still come in.
                        refused = refused != null ? refused : e;
                        log.warn("Mailbox {}: message {} not taken in", mailbox.id(), message.getMessageNumber(), e);
                        continue;
                    }
                    if (processed != null) {
                        folder.copyMessages(new Message[] {message}, processed);
                        message.setFlag(Flags.Flag.DELETED, true);
                    } else {
                        message.setFlag(Flags.Flag.SEEN, true);
                    }
                }
            } finally {
                folder.close(processed != null);
            }
            if (refused != null) {
                throw new MessagingException("a message was left on the server for the next poll", refused);
            }
        }
    }

    /** Streams the message through a temporary file: a large one is never held in memory whole. */
    private void hand(MailboxRoute route, Message message) throws MessagingException, IOException {
        Path copy = Files.createTempFile("sportello-imap-", ".eml");
        try {
            try (OutputStream out = Files.newOutputStream(copy)) {
                message.writeTo(out);
            }
            try (InputStream in = Files.newInputStream(copy)) {
                intake.accept(route, in);
            }
        } finally {
            Files.deleteIfExists(copy);
        }
    }

    /** What went wrong, for admins: the exception's kind and message, never the password. */
    private static String describe(Exception e, String password) {
        Throwable cause = e;
        StringBuilder text = new StringBuilder();
        while (cause != null && text.length() < 1000) {
            if (!text.isEmpty()) {
                text.append(" <- ");
            }
            text.append(cause.getClass().getSimpleName());
            String message = cause.getMessage();
            if (message != null) {
                // Jakarta Mail repeats the nested exception in the message; the chain names it anyway.
                int nested = message.indexOf(";\n  nested exception is");
                text.append(": ").append((nested < 0 ? message : message.substring(0, nested)).strip());
            }
            cause = cause.getCause() == cause ? null : cause.getCause();
        }
        String described = text.toString();
        return password == null || password.isEmpty() ? described : described.replace(password, "***");
    }
}
