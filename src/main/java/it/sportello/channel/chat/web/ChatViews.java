package it.sportello.channel.chat.web;

import it.sportello.channel.chat.Chat;
import it.sportello.channel.chat.ChatState;
import it.sportello.identity.User;
import it.sportello.identity.UserId;
import it.sportello.identity.UserManagement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Component;

/** Chats as the API and the workspace show them, with their agents' names read in one go. */
@Component
class ChatViews {

    private final UserManagement users;

    ChatViews(UserManagement users) {
        this.users = users;
    }

    record ChatView(
            long id,
            ChatState state,
            Long ticketId,
            String visitorName,
            String visitorEmail,
            String locale,
            Long agentId,
            String agentName,
            Long groupId,
            Instant createdAt,
            Instant waitingSince,
            Instant acceptedAt,
            Instant endedAt) {}

    ChatView of(Chat chat) {
        return of(List.of(chat)).getFirst();
    }

    List<ChatView> of(List<Chat> chats) {
        Map<UserId, User> agents = users.findAll(chats.stream()
                .map(c -> c.agentId().orElse(null))
                .filter(Objects::nonNull)
                .map(UserId::new)
                .distinct()
                .toList());
        return chats.stream()
                .map(c -> new ChatView(
                        c.id(),
                        c.state(),
                        c.ticketId().orElse(null),
                        c.visitorName().orElse(null),
                        c.visitorEmail().orElse(null),
                        c.locale().code(),
                        c.agentId().orElse(null),
                        c.agentId()
                                .map(id -> agents.get(new UserId(id)))
                                .map(User::displayName)
                                .orElse(null),
                        c.groupId().orElse(null),
                        c.createdAt(),
                        c.waitingSince().orElse(null),
                        c.acceptedAt().orElse(null),
                        c.endedAt().orElse(null)))
                .toList();
    }
}
