package it.sportello.channel.email.outbound;

import it.sportello.shared.NotFoundException;
import it.sportello.shared.SequenceIds;
import it.sportello.ticket.MessageId;
import it.sportello.ticket.TicketId;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The queue of mail to send. A mail is queued in the transaction of the event that asked for it,
 * once per (ticket message, kind): an event delivered twice finds its mail already there, and the
 * unique key refuses a second one should two deliveries race.
 */
@Component
class Outbox {

    private final OutgoingMailRepository mails;
    private final SequenceIds ids;
    private final Clock clock;

    Outbox(OutgoingMailRepository mails, SequenceIds ids, Clock clock) {
        this.mails = mails;
        this.ids = ids;
        this.clock = clock;
    }

    boolean has(MessageId message, MailKind kind) {
        return mails.existsByMessageIdAndKind(message.value(), kind);
    }

    @Transactional
    OutgoingMail queue(OutgoingMail.Draft draft) {
        return mails.save(new OutgoingMail(ids.next(OutgoingMail.SEQUENCE), draft, Instant.now(clock)));
    }

    /** The Message-ID of the desk's latest mail on this ticket, if any. */
    Optional<String> lastMessageIdOn(TicketId ticket) {
        return mails.findFirstByTicketIdOrderByCreatedAtDescIdDesc(ticket.value())
                .map(OutgoingMail::mailMessageId);
    }

    /** How many mails of this kind went to {@code to} since {@code since} (queued, sent or failed alike). */
    long countTo(String to, MailKind kind, Instant since) {
        return mails.countByToAndKindAndCreatedAtAfter(to, kind, since);
    }

    @Transactional(readOnly = true)
    Page<OutgoingMail> list(MailStatus status, Pageable pageable) {
        return status == null ? mails.findAll(pageable) : mails.findByStatus(status, pageable);
    }

    @Transactional
    OutgoingMail retry(long id) {
        OutgoingMail mail = mails.findById(id).orElseThrow(() -> new NotFoundException("Mail", id));
        mail.retry(Instant.now(clock));
        return mails.save(mail);
    }
}
