package it.sportello.channel.email.mailbox;

import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.event.MessageCountAdapter;
import jakarta.mail.event.MessageCountEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * IMAP IDLE, where the server offers it, as a doorbell: a connection per enabled mailbox waits for
 * the server to announce new mail and then makes the mailbox due at once. The polling itself
 * stays with {@link MailboxPolling}, under its lease, so IDLE only shortens the wait. A mailbox
 * whose server has no IDLE, or whose connection fails, is tried again later and is polled on its
 * interval meanwhile.
 */
@Component
class MailboxIdle implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MailboxIdle.class);

    private final Mailboxes mailboxes;
    private final Clock clock;
    private final boolean enabled;
    private final Duration renew;
    private final Duration retry;
    private final Map<Long, Watch> watches = new ConcurrentHashMap<>();
    private final Map<Long, Instant> notBefore = new ConcurrentHashMap<>();
    private volatile boolean running;

    MailboxIdle(
            Mailboxes mailboxes,
            Clock clock,
            @Value("${sportello.email.mailboxes.idle:true}") boolean enabled,
            @Value("${sportello.email.mailboxes.idle-renew:9m}") Duration renew,
            @Value("${sportello.email.mailboxes.idle-retry:1m}") Duration retry) {
        this.mailboxes = mailboxes;
        this.clock = clock;
        this.enabled = enabled;
        this.renew = renew;
        this.retry = retry;
    }

    /** Watches the enabled mailboxes not yet watched; stops watching those changed, disabled or gone. */
    void reconcile(List<Mailbox> all) {
        if (!enabled || !running) {
            return;
        }
        Map<Long, Mailbox> wanted =
                all.stream().filter(Mailbox::enabled).collect(Collectors.toMap(Mailbox::id, m -> m));
        for (Watch watch : List.copyOf(watches.values())) {
            Mailbox now = wanted.get(watch.mailbox.id());
            // Any change of settings (a new password too) touches updatedAt: watch with the new ones.
            if (now == null || !now.updatedAt().equals(watch.mailbox.updatedAt())) {
                watch.stop();
            }
        }
        Instant now = Instant.now(clock);
        for (Mailbox mailbox : wanted.values()) {
            Instant later = notBefore.get(mailbox.id());
            if (watches.containsKey(mailbox.id()) || (later != null && now.isBefore(later))) {
                continue;
            }
            Watch watch = new Watch(mailbox);
            if (watches.putIfAbsent(mailbox.id(), watch) == null) {
                Thread.ofPlatform().daemon().name("imap-idle-" + mailbox.id()).start(watch);
            }
        }
    }

    /** Whether this node is waiting on the server for the mailbox's new mail right now. */
    boolean idling(long mailboxId) {
        Watch watch = watches.get(mailboxId);
        return watch != null && watch.idling;
    }

    Set<Long> watched() {
        return Set.copyOf(watches.keySet());
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        List.copyOf(watches.values()).forEach(Watch::stop);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private final class Watch implements Runnable {

        private final Mailbox mailbox;
        private volatile Store store;
        private volatile boolean stopped;
        private volatile boolean idling;

        Watch(Mailbox mailbox) {
            this.mailbox = mailbox;
        }

        @Override
        public void run() {
            Duration wait = retry;
            try {
                wait = watch();
            } catch (Exception e) {
                if (!stopped) {
                    // The poller reports connection errors on the mailbox; here they only delay IDLE.
                    log.debug("IMAP IDLE on mailbox {} ended: {}", mailbox.id(), e.toString());
                }
            } finally {
                idling = false;
                close();
                watches.remove(mailbox.id(), this);
                if (!stopped) {
                    notBefore.put(mailbox.id(), Instant.now(clock).plus(wait));
                }
            }
        }

        /** Waits for new mail until stopped; returns how long to wait before trying again. */
        private Duration watch() throws MessagingException {
            String protocol = mailbox.tls() ? "imaps" : "imap";
            Properties properties = new Properties();
            properties.put("mail." + protocol + ".connectiontimeout", "30000");
            // A server drops an IDLE left alone for about 30 minutes: time out first and reconnect.
            properties.put("mail." + protocol + ".timeout", String.valueOf(renew.toMillis()));
            Store opened = Session.getInstance(properties).getStore(protocol);
            store = opened;
            if (stopped) {
                return retry;
            }
            opened.connect(mailbox.host(), mailbox.port(), mailbox.username(), mailboxes.passwordOf(mailbox.id()));
            if (!(opened instanceof IMAPStore imap) || !imap.hasCapability("IDLE")) {
                log.info("Mailbox {}: the server offers no IMAP IDLE; it is polled on its interval", mailbox.id());
                return Duration.ofHours(1);
            }
            Folder folder = opened.getFolder(mailbox.folder());
            folder.open(Folder.READ_ONLY);
            folder.addMessageCountListener(new MessageCountAdapter() {
                @Override
                public void messagesAdded(MessageCountEvent e) {
                    mailboxes.ring(mailbox.id(), Instant.now(clock));
                }
            });
            while (!stopped) {
                idling = true;
                ((IMAPFolder) folder).idle(true);
                idling = false;
            }
            return retry;
        }

        void stop() {
            stopped = true;
            watches.remove(mailbox.id(), this);
            // Closing the connection from here is what ends a thread blocked in IDLE.
            Thread.ofPlatform().daemon().name("imap-idle-stop-" + mailbox.id()).start(this::close);
        }

        private void close() {
            Store opened = store;
            if (opened != null) {
                try {
                    opened.close();
                } catch (MessagingException | RuntimeException e) {
                    log.debug("Closing the IDLE connection of mailbox {}: {}", mailbox.id(), e.toString());
                }
            }
        }
    }
}
