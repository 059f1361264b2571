package it.sportello.channel.chat;

import it.sportello.ticket.AgentReplied;
import it.sportello.ticket.Channel;
import it.sportello.ticket.TicketManagement;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Replies written on a chat's ticket page reach the visitor while the chat goes on. */
@Component
class TicketReplyRelay {

    private final TicketManagement tickets;
    private final Chats chats;

    TicketReplyRelay(TicketManagement tickets, Chats chats) {
        this.tickets = tickets;
        this.chats = chats;
    }

    @ApplicationModuleListener
    void on(AgentReplied replied) {
        tickets.forDelivery(replied.messageId())
                .filter(d ->
                        d.ticket().channel() == Channel.CHAT && !d.message().internal())
                .ifPresent(d -> chats.relayTicketReply(
                        d.ticket().id(),
                        replied.messageId().value(),
                        d.message().bodyText(),
                        replied.agentId()));
    }
}
