package it.sportello.channel.email.outbound;

import it.sportello.channel.email.InboundEmailAccepted;
import it.sportello.ticket.TicketId;
import java.util.Optional;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Remembers, per ticket, the desk address and the latest customer mail that answers go into. */
@Component
class EmailThreads {

    private final EmailThreadRepository threads;

    EmailThreads(EmailThreadRepository threads) {
        this.threads = threads;
    }

    @ApplicationModuleListener
    void on(InboundEmailAccepted accepted) {
        EmailThread thread = threads.findById(accepted.ticketId().value())
                .orElseGet(() -> new EmailThread(accepted.ticketId().value()));
        thread.received(
                accepted.replyFrom(), accepted.mailMessageId(), accepted.mailReferences(), accepted.occurredAt());
        threads.save(thread);
    }

    Optional<EmailThread> of(TicketId ticket) {
        return threads.findById(ticket.value());
    }
}
