package it.sportello.channel.chat.web;

import it.sportello.channel.chat.Chat;
import it.sportello.channel.chat.ChatAgents;
import it.sportello.channel.chat.ChatLine;
import it.sportello.channel.chat.ChatState;
import it.sportello.channel.chat.Chats;
import it.sportello.customer.CustomerId;
import it.sportello.identity.CurrentUser;
import it.sportello.identity.Role;
import it.sportello.identity.User;
import it.sportello.identity.UserId;
import it.sportello.identity.UserManagement;
import it.sportello.ticket.TicketId;
import it.sportello.ticket.TicketManagement;
import it.sportello.ticket.TicketStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * What the agents' chat workspace shows: the queue, the agent's own chats, and the chat they have
 * open with its whole transcript (the bot's part and the desk's notices too) and its customer.
 */
@Component
class ChatDeskViews {

    static final int OTHER_TICKETS = 5;
    private static final int LINES_PAGE = 500;

    private final Chats chats;
    private final ChatAgents agents;
    private final UserManagement users;
    private final TicketManagement tickets;
    private final MessageSource messages;

    ChatDeskViews(
            Chats chats, ChatAgents agents, UserManagement users, TicketManagement tickets, MessageSource messages) {
        this.chats = chats;
        this.agents = agents;
        this.users = users;
        this.tickets = tickets;
        this.messages = messages;
    }

    /** A chat in the queue: its place, who is waiting (as far as they said) and since when. */
    record Waiting(long id, int position, String visitor, String email, Instant since) {}

    /** A chat the agent holds. */
    record Held(long id, String visitor, Instant acceptedAt) {}

    /** The two lists beside the conversation, and the number waiting for the badge. */
    record Lists(List<Waiting> waiting, List<Held> mine, int capacity, Long selected) {

        public boolean full() {
            return mine.size() >= capacity;
        }
    }

    /** One of the customer's other tickets. */
    record OtherTicket(long id, String subject, TicketStatus status, Instant updatedAt) {}

    /** Someone to hand the chat to. */
    record Choice(long id, String name) {}

    /** The open chat: its transcript, what this agent may do with it, and its customer beside it. */
    record Conversation(
            long id,
            ChatState state,
            String visitor,
            String email,
            String locale,
            Long ticketId,
            String agentName,
            boolean mine,
            boolean supervisor,
            boolean writable,
            List<ChatLine> lines,
            int lastSeq,
            List<OtherTicket> otherTickets,
            List<Choice> agents,
            List<Choice> groups) {}

    Lists lists(CurrentUser agent, Long selected) {
        List<Chat> queue = chats.list(ChatState.WAITING);
        List<Waiting> waiting = new ArrayList<>(queue.size());
        for (int i = 0; i < queue.size(); i++) {
            Chat chat = queue.get(i);
            waiting.add(new Waiting(
                    chat.id(),
                    i + 1,
                    visitor(chat),
                    chat.visitorEmail().orElse(null),
                    chat.waitingSince().orElse(chat.createdAt())));
        }
        List<Held> mine = chats.heldBy(agent.id()).stream()
                .map(chat ->
                        new Held(chat.id(), visitor(chat), chat.acceptedAt().orElse(null)))
                .toList();
        return new Lists(waiting, mine, agents.of(agent.id()).capacity(), selected);
    }

    int waitingCount() {
        return chats.list(ChatState.WAITING).size();
    }

    Conversation conversation(long chatId, CurrentUser viewer) {
        Chat chat = chats.get(chatId);
        boolean mine = chat.agentId().map(id -> id == viewer.id().value()).orElse(false);
        boolean writable = chat.state() == ChatState.ACTIVE && (mine || viewer.hasAtLeast(Role.SUPERVISOR));
        List<ChatLine> lines = lines(chatId, 0);
        String agentName = chat.agentId()
                .flatMap(id -> users.findById(new UserId(id)))
                .map(User::displayName)
                .orElse(null);
        return new Conversation(
                chat.id(),
                chat.state(),
                visitor(chat),
                chat.visitorEmail().orElse(null),
                chat.locale().code(),
                chat.ticketId().orElse(null),
                agentName,
                mine,
                viewer.hasAtLeast(Role.SUPERVISOR),
                writable,
                lines,
                lines.isEmpty() ? 0 : lines.getLast().seq(),
                otherTickets(chat, viewer),
                users.activeStaff().stream()
                        .filter(u -> !u.id().equals(viewer.id()))
                        .map(u -> new Choice(u.id().value(), u.displayName()))
                        .toList(),
                users.groups().stream()
                        .map(g -> new Choice(g.id().value(), g.name()))
                        .toList());
    }

    /** Every line after {@code afterSeq}, in order (the transcript is read a page at a time). */
    List<ChatLine> lines(long chatId, int afterSeq) {
        List<ChatLine> all = new ArrayList<>();
        int after = afterSeq;
        while (true) {
            List<ChatLine> page = chats.lines(chatId, after);
            all.addAll(page);
            if (page.size() < LINES_PAGE) {
                return all;
            }
            after = page.getLast().seq();
        }
    }

    private List<OtherTicket> otherTickets(Chat chat, CurrentUser viewer) {
        if (chat.customerId().isEmpty()) {
            return List.of();
        }
        return tickets
                .otherTicketsOf(
                        new CustomerId(chat.customerId().get()),
                        chat.ticketId().map(TicketId::new).orElse(null),
                        OTHER_TICKETS,
                        viewer)
                .tickets()
                .stream()
                .map(t -> new OtherTicket(t.id().value(), t.subject(), t.status(), t.updatedAt()))
                .toList();
    }

    /** The visitor as the desk knows them: their name, else their address, else "Visitor". */
    private String visitor(Chat chat) {
        return chat.visitorName()
                .or(chat::visitorEmail)
                .orElseGet(() -> messages.getMessage("chat.workspace.visitor", null, LocaleContextHolder.getLocale()));
    }
}
