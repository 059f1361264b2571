package it.sportello.channel.chat;

import java.security.Principal;

/** A chat's visitor on a STOMP connection, once their token has been checked: they reach that chat only. */
public record VisitorPrincipal(long chatId) implements Principal {

    @Override
    public String getName() {
        return "visitor-" + chatId;
    }
}
