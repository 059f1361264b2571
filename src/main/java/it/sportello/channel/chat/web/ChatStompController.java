package it.sportello.channel.chat.web;

import it.sportello.channel.chat.ChatAuthor;
import it.sportello.channel.chat.Chats;
import it.sportello.channel.chat.StaffPrincipals;
import it.sportello.channel.chat.VisitorPrincipal;
import it.sportello.identity.CurrentUser;
import it.sportello.shared.ConflictException;
import it.sportello.shared.InvalidInputException;
import it.sportello.shared.NotFoundException;
import it.sportello.shared.TooManyRequestsException;
import java.security.Principal;
import org.springframework.messaging.handler.annotation.DestinationVariable;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;

/**
 * Messages and typing notices over STOMP, from visitors and agents alike. A message is acknowledged
 * by its line coming back on the chat's topic with the sender's client id; a refused one comes back
 * as {@code rejected} with that id and the reason.
 */
@Controller
class ChatStompController {

    private final Chats chats;

    ChatStompController(Chats chats) {
        this.chats = chats;
    }

    record Outgoing(String clientId, String body) {}

    record TypingNotice(boolean typing) {}

    @MessageMapping("/chats/{chatId}/send")
    void send(@DestinationVariable long chatId, @Payload Outgoing message, Principal user) {
        try {
            if (user instanceof VisitorPrincipal visitor) {
                requireOwn(visitor, chatId);
                chats.postFromVisitor(chatId, message.clientId(), message.body());
            } else {
                chats.postFromAgent(chatId, message.clientId(), message.body(), staff(user));
            }
        } catch (InvalidInputException e) {
            chats.rejected(chatId, message.clientId(), reason(e));
        } catch (ConflictException | TooManyRequestsException | AccessDeniedException e) {
            chats.rejected(chatId, message.clientId(), e.getMessage());
        }
    }

    @MessageMapping("/chats/{chatId}/typing")
    void typing(@DestinationVariable long chatId, @Payload TypingNotice notice, Principal user) {
        if (user instanceof VisitorPrincipal visitor) {
            requireOwn(visitor, chatId);
            chats.typing(chatId, ChatAuthor.VISITOR, null, notice.typing());
        } else {
            chats.typing(chatId, ChatAuthor.AGENT, staff(user).displayName(), notice.typing());
        }
    }

    /** "body: must not be empty" rather than the exception's map, for the sender to read. */
    private static String reason(InvalidInputException e) {
        return e.fieldErrors().entrySet().stream()
                .map(error -> error.getKey() + ": " + error.getValue())
                .sorted()
                .collect(java.util.stream.Collectors.joining("; "));
    }

    private static void requireOwn(VisitorPrincipal visitor, long chatId) {
        if (visitor.chatId() != chatId) {
            throw new NotFoundException("Chat", chatId);
        }
    }

    private static CurrentUser staff(Principal user) {
        return StaffPrincipals.of(user).orElseThrow(() -> new AccessDeniedException("Staff only"));
    }
}
