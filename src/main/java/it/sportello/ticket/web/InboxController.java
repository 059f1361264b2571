package it.sportello.ticket.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The agent's inbox: the ticket views, their counts and the list. */
@Controller
class InboxController {

    @GetMapping("/inbox")
    String inbox() {
        return "ticket/inbox";
    }
}
