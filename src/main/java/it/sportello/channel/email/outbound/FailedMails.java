package it.sportello.channel.email.outbound;

import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;

/** The mails the outbox gave up on, for the admin page that shows why and sends one once more. */
@Component
public class FailedMails {

    private final Outbox outbox;

    FailedMails(Outbox outbox) {
        this.outbox = outbox;
    }

    /** A given-up mail: enough to tell which it is and what went wrong, no body. */
    public record FailedMail(
            long id, long ticketId, String to, String subject, int attempts, String lastError, Instant createdAt) {

        static FailedMail of(OutgoingMail mail) {
            return new FailedMail(
                    mail.id(),
                    mail.ticketId(),
                    mail.to(),
                    mail.subject(),
                    mail.attempts(),
                    mail.lastError().orElse(null),
                    mail.createdAt());
        }
    }

    /** The newest first. */
    public List<FailedMail> newest(int limit) {
        return outbox.list(
                        MailStatus.FAILED,
                        PageRequest.of(0, limit, Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"))))
                .map(FailedMail::of)
                .getContent();
    }

    /** Puts the mail back in the queue; the outbox sends it on its next round. */
    public void retry(long id) {
        outbox.retry(id);
    }
}
