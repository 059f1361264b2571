package it.sportello.channel.email.outbound;

import it.sportello.channel.email.InboundEmailAccepted;
import it.sportello.ticket.TicketId;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Remembers, per ticket, the desk address and the latest customer mail that answers go into. It
 * hears the intake of its own module synchronously, in the intake's transaction: the thread is
 * written with the ticket message or not at all, without a publication of its own to record,
 * complete and delete (which cost more than the thread itself).
 */
@Component
class EmailThreads {

    private final EmailThreadRepository threads;

    EmailThreads(EmailThreadRepository threads) {
        this.threads = threads;
    }

    @EventListener
    void on(InboundEmailAccepted accepted) {
        // A ticket the mail has just opened has no thread yet: nothing to look for.
        EmailThread thread = accepted.newTicket()
                ? new EmailThread(accepted.ticketId().value())
                : threads.findById(accepted.ticketId().value())
                        .orElseGet(() -> new EmailThread(accepted.ticketId().value()));
        thread.received(
                accepted.replyFrom(), accepted.mailMessageId(), accepted.mailReferences(), accepted.occurredAt());
        threads.save(thread);
    }

    Optional<EmailThread> of(TicketId ticket) {
        return threads.findById(ticket.value());
    }
}
