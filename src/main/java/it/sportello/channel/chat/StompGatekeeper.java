package it.sportello.channel.chat;

import it.sportello.channel.chat.internal.ChatBroadcaster;
import it.sportello.channel.chat.internal.VisitorTokens;
import java.security.Principal;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageDeliveryException;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.stereotype.Component;

/**
 * Who may do what on the chat's STOMP connections. A visitor connects with their chat's id and token
 * (headers {@code chat-id}, {@code chat-token}) and may then subscribe to that chat only; staff
 * connect with their signed-in session and may follow any chat and the desk's queue. Nobody sends to
 * a broker destination directly: messages go to the desk ({@code /app/...}), which checks them.
 */
@Component
class StompGatekeeper implements ChannelInterceptor {

    private final ChatRepository chats;

    StompGatekeeper(ChatRepository chats) {
        this.chats = chats;
    }

    @Override
    public Message<?> preSend(Message<?> message, MessageChannel channel) {
        StompHeaderAccessor stomp = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
        if (stomp == null || stomp.getCommand() == null) {
            return message;
        }
        StompCommand command = stomp.getCommand();
        switch (command) {
            case CONNECT, STOMP -> connect(stomp);
            case SUBSCRIBE -> requireMayRead(stomp.getUser(), stomp.getDestination());
            case SEND -> requireMaySend(stomp.getUser(), stomp.getDestination());
            default -> {}
        }
        return message;
    }

    private void connect(StompHeaderAccessor stomp) {
        String chatId = stomp.getFirstNativeHeader("chat-id");
        String token = stomp.getFirstNativeHeader("chat-token");
        if (chatId != null || token != null) {
            long id = parse(chatId);
            Chat chat = chats.findById(id).orElseThrow(() -> denied("no such chat"));
            if (!VisitorTokens.matches(token, chat.visitorTokenHash())) {
                throw denied("no such chat");
            }
            stomp.setUser(new VisitorPrincipal(id));
            return;
        }
        if (StaffPrincipals.of(stomp.getUser()).isEmpty()) {
            throw denied("sign in as staff, or connect with a chat's id and token");
        }
    }

    private void requireMayRead(Principal user, String destination) {
        if (user instanceof VisitorPrincipal visitor) {
            if (ChatBroadcaster.chatOf(destination) != visitor.chatId()) {
                throw denied("a visitor follows their own chat only");
            }
            return;
        }
        if (StaffPrincipals.of(user).isEmpty()) {
            throw denied("not signed in");
        }
        if (!ChatBroadcaster.DESK.equals(destination) && ChatBroadcaster.chatOf(destination) < 0) {
            throw denied("no such destination");
        }
    }

    private void requireMaySend(Principal user, String destination) {
        if (destination == null || !destination.startsWith("/app/")) {
            throw denied("send to /app/... only");
        }
        if (user == null) {
            throw denied("not connected");
        }
    }

    private static long parse(String chatId) {
        try {
            return Long.parseLong(chatId);
        } catch (NumberFormatException | NullPointerException e) {
            throw denied("chat-id must be a chat's number");
        }
    }

    private static MessageDeliveryException denied(String why) {
        return new MessageDeliveryException("Not allowed: " + why);
    }
}
