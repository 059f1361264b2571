package it.sportello.identity;

import it.sportello.shared.NotFoundException;
import it.sportello.shared.PlainText;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Notices for people of the desk, shown under the bell in the top bar. Writing one joins the
 * caller's transaction: an escalation that rolls back notifies nobody.
 */
@Service
public class Notifications {

    private static final int MAX_ARGUMENT = 300;

    private final NotificationRepository notifications;
    private final UserRepository users;
    private final AgentGroupRepository groups;
    private final Clock clock;

    Notifications(
            NotificationRepository notifications, UserRepository users, AgentGroupRepository groups, Clock clock) {
        this.notifications = notifications;
        this.users = users;
        this.groups = groups;
        this.clock = clock;
    }

    /**
     * Notifies one person. {@code messageKey} names a text in the message bundles whose
     * placeholders the {@code arguments} fill (cleaned to one plain line each); {@code link} is a
     * path inside the desk, or null.
     */
    @Transactional
    public void notify(UserId recipient, String messageKey, List<String> arguments, String link) {
        notifyAll(List.of(recipient), messageKey, arguments, link);
    }

    @Transactional
    public void notifyAll(Collection<UserId> recipients, String messageKey, List<String> arguments, String link) {
        List<String> clean = arguments.stream().map(Notifications::clean).toList();
        Instant now = Instant.now(clock);
        for (UserId recipient : new LinkedHashSet<>(recipients)) {
            notifications.save(new Notification(recipient, messageKey, clean, link, now));
        }
    }

    /**
     * The supervisors who answer for a group: its active members who are supervisors or admins;
     * when the group has none (or there is no group), every active supervisor, else every active admin.
     */
    @Transactional(readOnly = true)
    public Set<UserId> supervisorsOf(GroupId group) {
        Set<UserId> found = new LinkedHashSet<>();
        if (group != null) {
            groups.findById(group.value())
                    .ifPresent(g -> users
                            .findAllById(g.members().stream().map(UserId::value).toList())
                            .stream()
                            .filter(u -> u.active() && (u.role() == Role.SUPERVISOR || u.role() == Role.ADMIN))
                            .forEach(u -> found.add(u.id())));
        }
        if (found.isEmpty()) {
            users.findByActiveTrueAndRoleInOrderByDisplayNameAsc(List.of(Role.SUPERVISOR))
                    .forEach(u -> found.add(u.id()));
        }
        if (found.isEmpty()) {
            users.findByActiveTrueAndRoleInOrderByDisplayNameAsc(List.of(Role.ADMIN))
                    .forEach(u -> found.add(u.id()));
        }
        return found;
    }

    @Transactional(readOnly = true)
    public long unread(UserId reader) {
        return notifications.countByRecipientIdAndReadAtIsNull(reader.value());
    }

    /** The reader's latest notices, newest first. */
    @Transactional(readOnly = true)
    public List<Notification> latest(UserId reader, int limit) {
        return notifications.findByRecipientIdOrderByCreatedAtDescIdDesc(reader.value(), PageRequest.of(0, limit));
    }

    /** Marks one of the reader's notices read; another person's notice is "not found". */
    @Transactional
    public Notification markRead(UserId reader, long id) {
        Notification notification = notifications
                .findById(id)
                .filter(n -> n.recipient().equals(reader))
                .orElseThrow(() -> new NotFoundException("Notification", id));
        notification.markRead(Instant.now(clock));
        return notification;
    }

    @Transactional
    public int markAllRead(UserId reader) {
        return notifications.markAllRead(reader.value(), Instant.now(clock));
    }

    private static String clean(String argument) {
        String line = argument == null ? "" : PlainText.line(argument).replace(Notification.SEPARATOR, " ");
        return line.length() > MAX_ARGUMENT ? line.substring(0, MAX_ARGUMENT - 1) + "…" : line;
    }
}
