package it.sportello.sla;

import it.sportello.ticket.Channel;
import it.sportello.ticket.Priority;
import it.sportello.ticket.TicketId;
import it.sportello.ticket.TicketManagement;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The first-response time the desk promises for a ticket, taken from the service-level policy that
 * applies to it, for the texts that tell customers ("Le risponderemo entro 8 ore lavorative").
 */
@Service
public class ResponsePromises {

    private final TicketManagement tickets;

    ResponsePromises(TicketManagement tickets) {
        this.tickets = tickets;
    }

    /** The promise for this ticket, if it is still there. */
    public Optional<ResponsePromise> firstResponse(TicketId ticket) {
        return tickets.find(ticket).map(t -> firstResponse(t.channel(), t.priority()));
    }

    /**
     * The promise for a ticket on this channel with this priority: chat within 2 minutes around the
     * clock, everything else within 8 business hours (the out-of-the-box policy).
     */
    public ResponsePromise firstResponse(Channel channel, Priority priority) {
        return channel == Channel.CHAT
                ? new ResponsePromise(Duration.ofMinutes(2), false)
                : new ResponsePromise(Duration.ofHours(8), true);
    }
}
