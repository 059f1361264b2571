package it.sportello.channel.email.mailbox;

import it.sportello.channel.email.EmailIntake;
import it.sportello.channel.email.MailboxRoute;
import it.sportello.channel.email.inbound.InboundRoutes;
import it.sportello.identity.GroupId;
import it.sportello.shared.PayloadTooLargeException;
import jakarta.annotation.PreDestroy;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessageRemovedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.search.FlagTerm;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.angus.mail.iap.ByteArray;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.protocol.BODY;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.MessageSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Polls the due mailboxes over IMAP(S), in windows of {@code sportello.email.mailboxes.window}
 * messages: their UIDs, flags and sizes in one FETCH; the bodies of ordinary messages fetched
 * together (a bounded number of bytes at a time), a large one streamed through a temporary file;
 * each handed to the intake ({@code intake-threads} at once) while the next group is fetched.
 * Only the messages whose intake has returned (stored and committed, or recognised as a
 * duplicate) are then flagged \Seen or moved to the processed folder, in one command per window;
 * one the intake refused stays as it was. A crash in between hands the same messages again on the
 * next poll, which the intake answers as duplicates: one ticket message either way. A failing
 * mailbox records its error and the others are polled all the same.
 */
@Component
class MailboxPolling {

    private static final Logger log = LoggerFactory.getLogger(MailboxPolling.class);
    /** Messages up to this size come in one FETCH; larger ones are streamed in pieces of it. */
    private static final int FETCH_SIZE = 1024 * 1024;
    /** At most this many bytes of message bodies fetched together and held in memory at once. */
    private static final long PREFETCH_BYTES = 8L * 1024 * 1024;

    private static final FetchProfile PROFILE = new FetchProfile();

    static {
        PROFILE.add(UIDFolder.FetchProfileItem.UID);
        PROFILE.add(FetchProfile.Item.FLAGS);
        PROFILE.add(FetchProfile.Item.SIZE);
    }

    private final Mailboxes mailboxes;
    private final EmailIntake intake;
    private final InboundRoutes routes;
    private final MailboxIdle idle;
    private final Clock clock;
    private final Duration lease;
    private final Duration timeout;
    private final int batchSize;
    private final int window;
    /**
     * Where fetched messages go through the intake ({@code intake-threads}, at least one), so that
     * the polling thread meanwhile fetches the next group.
     */
    private final ExecutorService workers;

    MailboxPolling(
            Mailboxes mailboxes,
            EmailIntake intake,
            InboundRoutes routes,
            MailboxIdle idle,
            Clock clock,
            @Value("${sportello.email.mailboxes.lease:10m}") Duration lease,
            @Value("${sportello.email.mailboxes.timeout:30s}") Duration timeout,
            @Value("${sportello.email.mailboxes.batch-size:200}") int batchSize,
            @Value("${sportello.email.mailboxes.window:100}") int window,
            @Value("${sportello.email.mailboxes.intake-threads:2}") int intakeThreads) {
        this.mailboxes = mailboxes;
        this.intake = intake;
        this.routes = routes;
        this.idle = idle;
        this.clock = clock;
        this.lease = lease;
        this.timeout = timeout;
        this.batchSize = batchSize;
        this.window = Math.max(1, window);
        this.workers = Executors.newFixedThreadPool(
                Math.max(1, intakeThreads),
                Thread.ofPlatform().name("mailbox-intake-", 1).daemon().factory());
    }

    @PreDestroy
    void stop() {
        workers.shutdown();
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
        // An ordinary message comes in one FETCH; a large one in pieces of this size, never whole in memory.
        properties.put("mail." + protocol + ".fetchsize", String.valueOf(FETCH_SIZE));
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
                int limit = Math.min(waiting.length, batchSize);
                Taking taking = new Taking(mailbox, route, folder, processed);
                try {
                    for (int from = 0; from < limit; from += window) {
                        taking.window(Arrays.copyOfRange(waiting, from, Math.min(limit, from + window)));
                    }
                } finally {
                    // Also when the connection broke half-way: what the intake already has is
                    // acknowledged if the server still listens, and is otherwise handed again (a
                    // duplicate) next time.
                    taking.finish();
                }
                refused = taking.refused;
            } finally {
                folder.close(processed != null);
            }
            if (refused != null) {
                throw new MessagingException("a message was left on the server for the next poll", refused);
            }
        }
    }

    /**
     * One poll's taking of messages, window by window: a window's UIDs, flags and sizes in one
     * FETCH; the bodies of its ordinary messages in groups (at most {@link #PREFETCH_BYTES} each),
     * one FETCH per group, a large message streamed alone; each message handed to the intake; then
     * one STORE (or COPY and STORE) for the messages of the window whose intake returned. A message
     * the intake refused stays as it was.
     *
     * <p>While the intake threads work on one group, this thread fetches the next (from the same
     * window or the next one): the server's time and the intake's overlap, and at most two groups
     * are held at once. A window is acknowledged once every group of it has come back from the
     * intake, before any group of a later window is handed over; so a crash leaves unflagged at
     * most the messages of the windows in hand, which come again as duplicates: one ticket message
     * each either way.
     */
    private final class Taking {

        private final Mailbox mailbox;
        private final MailboxRoute route;
        private final Folder folder;
        private final Folder processed;
        /** The window being fetched; null before the first. */
        private Window current;
        /** The group the intake threads have; null when they have none. */
        private Group inIntake;
        /** The first message refused by the intake, or null. */
        Exception refused;

        Taking(Mailbox mailbox, MailboxRoute route, Folder folder, Folder processed) {
            this.mailbox = mailbox;
            this.route = route;
            this.folder = folder;
            this.processed = processed;
        }

        void window(Message[] slice) throws MessagingException {
            folder.fetch(slice, PROFILE);
            Window window = new Window();
            current = window;
            List<Message> group = new ArrayList<>();
            long groupBytes = 0;
            for (int i = 0; i <= slice.length; i++) {
                Message message = i < slice.length ? slice[i] : null;
                if (message != null && (message.isExpunged() || message.isSet(Flags.Flag.DELETED))) {
                    continue;
                }
                // One the intake would refuse for its size is not fetched at all (see hand).
                boolean small = message != null
                        && message.getSize() >= 0
                        && message.getSize() <= Math.min(FETCH_SIZE, intake.maxMessageSize());
                if (!group.isEmpty() && (!small || groupBytes + message.getSize() > PREFETCH_BYTES)) {
                    // The group so far, before this message.
                    handOver(window, group);
                    group = new ArrayList<>();
                    groupBytes = 0;
                }
                if (small) {
                    group.add(message);
                    groupBytes += message.getSize();
                } else if (message != null) {
                    settle();
                    handOver(window, message);
                }
            }
            window.complete = true;
            if (window.out == 0) {
                acknowledge(window);
            }
        }

        /**
         * Fetches the group's bodies in one FETCH (while the intake works on the group before),
         * waits for that one, then hands this one to the intake threads.
         */
        private void handOver(Window window, List<Message> group) throws MessagingException {
            Map<Message, byte[]> bodies = prefetch(folder, group);
            settle();
            List<Message> handed = new ArrayList<>(group.size());
            List<CompletableFuture<Exception>> outcomes = new ArrayList<>(group.size());
            for (Message one : group) {
                byte[] raw = bodies.remove(one);
                if (raw == null) {
                    continue;
                }
                // Named here: the folder is not to be touched from the intake's threads.
                Object name = uidOf(folder, one);
                handed.add(one);
                outcomes.add(CompletableFuture.supplyAsync(() -> attempt(mailbox, name, raw, route), workers));
            }
            window.out++;
            inIntake = new Group(window, handed, outcomes);
        }

        /** Waits for the group the intake has; acknowledges its window if that was the last of it. */
        private void settle() throws MessagingException {
            Group group = inIntake;
            if (group == null) {
                return;
            }
            inIntake = null;
            for (int i = 0; i < group.messages().size(); i++) {
                Exception outcome = group.outcomes().get(i).join();
                if (outcome == null) {
                    group.window().taken.add(group.messages().get(i));
                } else {
                    refused = first(refused, outcome);
                }
            }
            group.window().out--;
            if (group.window().complete && group.window().out == 0) {
                acknowledge(group.window());
            }
        }

        /** A large message, streamed to the intake on this thread; taken if the intake returned. */
        private void handOver(Window window, Message message) throws MessagingException {
            try {
                hand(route, message);
                window.taken.add(message);
            } catch (MessageRemovedException gone) {
                // Expunged by another client meanwhile: nothing left to take or to flag.
            } catch (RuntimeException | IOException e) {
                // The intake refused this one (too large, the database away): it stays unflagged for
                // the next poll, and the messages after it still come in.
                log.warn("Mailbox {}: message {} not taken in", mailbox.id(), uidOf(folder, message), e);
                refused = first(refused, e);
            }
        }

        /** The end of the poll, finished or broken off: the intake's last group waited for, all acknowledged. */
        void finish() throws MessagingException {
            settle();
            if (current != null) {
                acknowledge(current);
            }
        }

        private void acknowledge(Window window) throws MessagingException {
            if (!window.acknowledged) {
                window.acknowledged = true;
                MailboxPolling.acknowledge(folder, processed, window.taken);
            }
        }
    }

    /** A window of messages: those the intake has returned for, and how many of its groups it still has. */
    private static final class Window {
        final List<Message> taken = new ArrayList<>();
        int out;
        boolean complete;
        boolean acknowledged;
    }

    /** A group of messages handed to the intake threads, with what became of each. */
    private record Group(Window window, List<Message> messages, List<CompletableFuture<Exception>> outcomes) {}

    /** One fetched message to the intake: null once it returned, else why not (and it stays unflagged). */
    private Exception attempt(Mailbox mailbox, Object name, byte[] raw, MailboxRoute route) {
        try {
            hand(route, raw);
            return null;
        } catch (RuntimeException e) {
            log.warn("Mailbox {}: message {} not taken in", mailbox.id(), name, e);
            return e;
        }
    }

    private static Exception first(Exception so, Exception now) {
        return so != null ? so : now;
    }

    /**
     * The raw bodies of the messages (BODY.PEEK[], so none is flagged \Seen) in one FETCH. A
     * message missing from the answer (expunged meanwhile) is missing from the map and left alone;
     * what else the server said on the way (expunges, flag changes) goes to the folder as usual.
     */
    private static Map<Message, byte[]> prefetch(Folder folder, List<Message> messages) throws MessagingException {
        Map<Message, byte[]> bodies = new HashMap<>();
        if (!(folder instanceof IMAPFolder imap)) {
            return bodies;
        }
        int[] numbers = messages.stream().mapToInt(Message::getMessageNumber).toArray();
        Response[] responses = (Response[])
                imap.doCommand(protocol -> protocol.fetch(MessageSet.createMessageSets(numbers), "BODY.PEEK[]"));
        Map<Integer, byte[]> byNumber = new HashMap<>();
        for (Response response : responses) {
            BODY body = response instanceof FetchResponse fetched ? fetched.getItem(BODY.class) : null;
            if (body != null && body.getSection().isEmpty() && body.getByteArray() != null) {
                ByteArray bytes = body.getByteArray();
                byNumber.put(
                        ((FetchResponse) response).getNumber(),
                        Arrays.copyOfRange(bytes.getBytes(), bytes.getStart(), bytes.getStart() + bytes.getCount()));
            } else if (!response.isTagged()) {
                imap.handleResponse(response);
            }
        }
        Response result = responses[responses.length - 1];
        if (!result.isOK()) {
            throw new MessagingException("FETCH of message bodies failed: " + result);
        }
        // Numbers read after the answer was handled: an expunge in it renumbers the messages after.
        for (Message message : messages) {
            byte[] raw = message.isExpunged() ? null : byNumber.get(message.getMessageNumber());
            if (raw != null) {
                bodies.put(message, raw);
            }
        }
        return bodies;
    }

    private static void acknowledge(Folder folder, Folder processed, List<Message> taken) throws MessagingException {
        if (taken.isEmpty()) {
            return;
        }
        Message[] done = taken.toArray(Message[]::new);
        if (processed != null) {
            folder.copyMessages(done, processed);
            folder.setFlags(done, new Flags(Flags.Flag.DELETED), true);
        } else {
            folder.setFlags(done, new Flags(Flags.Flag.SEEN), true);
        }
    }

    /** A message fetched whole already goes to the intake as it is. */
    private void hand(MailboxRoute route, byte[] raw) {
        intake.accept(route, new ByteArrayInputStream(raw));
    }

    /**
     * Streams a large message through a temporary file, in FETCHes of {@link #FETCH_SIZE}: it is
     * never held in memory whole, and a connection lost half-way never reaches the intake as a
     * cut-off message. One larger than the intake takes is refused on its announced size, without
     * fetching it.
     */
    private void hand(MailboxRoute route, Message message) throws MessagingException, IOException {
        long size = message.getSize();
        if (size > intake.maxMessageSize()) {
            throw new PayloadTooLargeException("The message is larger than " + intake.maxMessageSize() + " bytes");
        }
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

    private static Object uidOf(Folder folder, Message message) {
        try {
            return folder instanceof UIDFolder uids ? "UID " + uids.getUID(message) : "#" + message.getMessageNumber();
        } catch (MessagingException e) {
            return "#" + message.getMessageNumber();
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
