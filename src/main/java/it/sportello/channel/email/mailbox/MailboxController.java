package it.sportello.channel.email.mailbox;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The IMAP mailboxes, for admins. The password can be written, never read back. On a change,
 * fields left out stay as they are; {@code "processedFolder": ""} goes back to flagging \Seen.
 */
@RestController
@RequestMapping("/api/v1/channels/email/mailboxes")
@PreAuthorize("hasRole('ADMIN')")
class MailboxController {

    private static final String DEFAULT_FOLDER = "INBOX";
    private static final int DEFAULT_INTERVAL = 60;

    private final Mailboxes mailboxes;

    MailboxController(Mailboxes mailboxes) {
        this.mailboxes = mailboxes;
    }

    record MailboxForm(
            String name,
            String host,
            Integer port,
            Boolean tls,
            String username,
            String password,
            String folder,
            String processedFolder,
            String address,
            Long groupId,
            Integer pollIntervalSeconds,
            Boolean enabled) {}

    record MailboxView(
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

        static MailboxView of(Mailbox m) {
            return new MailboxView(
                    m.id(),
                    m.name(),
                    m.host(),
                    m.port(),
                    m.tls(),
                    m.username(),
                    m.folder(),
                    m.processedFolder(),
                    m.address(),
                    m.groupId(),
                    m.pollIntervalSeconds(),
                    m.enabled(),
                    m.lastPollAt(),
                    m.lastError(),
                    m.createdAt(),
                    m.updatedAt());
        }
    }

    @GetMapping
    List<MailboxView> list() {
        return mailboxes.all().stream().map(MailboxView::of).toList();
    }

    @GetMapping("/{id}")
    MailboxView one(@PathVariable long id) {
        return MailboxView.of(mailboxes.get(id));
    }

    @PostMapping
    ResponseEntity<MailboxView> create(@RequestBody MailboxForm form) {
        MailboxView created = MailboxView.of(mailboxes.create(new MailboxSettings(
                form.name(),
                form.host(),
                form.port() == null ? (form.tls() == Boolean.FALSE ? 143 : 993) : form.port(),
                form.tls() == null || form.tls(),
                form.username(),
                form.password(),
                form.folder() == null ? DEFAULT_FOLDER : form.folder(),
                form.processedFolder(),
                form.address(),
                form.groupId(),
                form.pollIntervalSeconds() == null ? DEFAULT_INTERVAL : form.pollIntervalSeconds(),
                form.enabled() == null || form.enabled())));
        return ResponseEntity.created(URI.create("/api/v1/channels/email/mailboxes/" + created.id()))
                .body(created);
    }

    @PatchMapping("/{id}")
    MailboxView update(@PathVariable long id, @RequestBody MailboxForm form) {
        Mailbox now = mailboxes.get(id);
        return MailboxView.of(mailboxes.update(
                id,
                new MailboxSettings(
                        or(form.name(), now.name()),
                        or(form.host(), now.host()),
                        or(form.port(), now.port()),
                        or(form.tls(), now.tls()),
                        or(form.username(), now.username()),
                        form.password(),
                        or(form.folder(), now.folder()),
                        or(form.processedFolder(), now.processedFolder()),
                        or(form.address(), now.address()),
                        or(form.groupId(), now.groupId()),
                        or(form.pollIntervalSeconds(), now.pollIntervalSeconds()),
                        or(form.enabled(), now.enabled()))));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        mailboxes.delete(id);
        return ResponseEntity.noContent().build();
    }

    private static <T> T or(T given, T current) {
        return given != null ? given : current;
    }
}
