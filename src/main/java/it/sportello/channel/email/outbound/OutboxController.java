package it.sportello.channel.email.outbound;

import it.sportello.shared.web.PageView;
import it.sportello.shared.web.Paging;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The outbox for admins: which mails wait, went, or were given up on and why
 * ({@code ?status=failed}), and sending a given-up mail once more.
 */
@RestController
@RequestMapping("/api/v1/channels/email/outbox")
@PreAuthorize("hasRole('ADMIN')")
class OutboxController {

    private final Outbox outbox;

    OutboxController(Outbox outbox) {
        this.outbox = outbox;
    }

    /** A mail as admins see it: no bodies, just enough to tell which it is and what went wrong. */
    record OutgoingMailView(
            long id,
            long ticketId,
            Long messageId,
            MailKind kind,
            String to,
            String from,
            String subject,
            String mailMessageId,
            MailStatus status,
            int attempts,
            Instant nextAttemptAt,
            String lastError,
            Instant createdAt,
            Instant sentAt) {

        static OutgoingMailView of(OutgoingMail mail) {
            return new OutgoingMailView(
                    mail.id(),
                    mail.ticketId(),
                    mail.messageId().orElse(null),
                    mail.kind(),
                    mail.to(),
                    mail.from(),
                    mail.subject(),
                    mail.mailMessageId(),
                    mail.status(),
                    mail.attempts(),
                    mail.status() == MailStatus.QUEUED ? mail.nextAttemptAt() : null,
                    mail.lastError().orElse(null),
                    mail.createdAt(),
                    mail.sentAt().orElse(null));
        }
    }

    @GetMapping
    PageView<OutgoingMailView> list(
            @RequestParam(required = false) MailStatus status,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return PageView.of(
                outbox.list(
                        status,
                        Paging.of(
                                page,
                                size,
                                List.of(),
                                Map.of(),
                                Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id")))),
                OutgoingMailView::of);
    }

    @PostMapping("/{id}/retry")
    OutgoingMailView retry(@PathVariable long id) {
        return OutgoingMailView.of(outbox.retry(id));
    }
}
