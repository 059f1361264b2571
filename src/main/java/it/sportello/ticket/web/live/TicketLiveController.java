package it.sportello.ticket.web.live;

import it.sportello.identity.CurrentUser;
import it.sportello.shared.NotFoundException;
import it.sportello.ticket.TicketId;
import it.sportello.ticket.TicketManagement;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The live side of the ticket page (staff only, like every {@code /tickets} path): a Server-Sent
 * Events stream of the ticket's changes and of who else is on it, and the heartbeat by which a page
 * says it is still open and whether its agent is typing a reply.
 */
@Controller
class TicketLiveController {

    private final TicketManagement tickets;
    private final TicketStreams streams;

    TicketLiveController(TicketManagement tickets, TicketStreams streams) {
        this.tickets = tickets;
        this.streams = streams;
    }

    @GetMapping(path = "/tickets/{id}/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    ResponseEntity<SseEmitter> live(@PathVariable long id, CurrentUser user) {
        TicketId ticket = new TicketId(id);
        if (!visible(ticket, user)) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                // Proxies such as nginx would otherwise hold events back to fill their buffers.
                .header("X-Accel-Buffering", "no")
                .body(streams.subscribe(ticket, user));
    }

    @PostMapping("/tickets/{id}/presence")
    ResponseEntity<Void> presence(
            @PathVariable long id, @RequestParam(defaultValue = "false") boolean replying, CurrentUser user) {
        TicketId ticket = new TicketId(id);
        if (!visible(ticket, user)) {
            return ResponseEntity.notFound().build();
        }
        streams.heartbeat(ticket, user, replying);
        return ResponseEntity.noContent().build();
    }

    private boolean visible(TicketId ticket, CurrentUser user) {
        try {
            tickets.requireVisible(ticket, user);
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }
}
