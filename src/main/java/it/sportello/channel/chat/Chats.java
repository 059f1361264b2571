package it.sportello.channel.chat;

import it.sportello.bot.BotAnswer;
import it.sportello.bot.BotEngine;
import it.sportello.bot.BotLearning;
import it.sportello.channel.chat.internal.ChatBroadcaster;
import it.sportello.channel.chat.internal.ChatTranscript;
import it.sportello.channel.chat.internal.PersonRequest;
import it.sportello.channel.chat.internal.VisitorTokens;
import it.sportello.customer.Customer;
import it.sportello.customer.CustomerId;
import it.sportello.customer.CustomerManagement;
import it.sportello.identity.CurrentUser;
import it.sportello.identity.GroupId;
import it.sportello.identity.Role;
import it.sportello.identity.User;
import it.sportello.identity.UserId;
import it.sportello.identity.UserManagement;
import it.sportello.shared.Allowance;
import it.sportello.shared.ConflictException;
import it.sportello.shared.InvalidInputException;
import it.sportello.shared.NotFoundException;
import it.sportello.shared.PlainText;
import it.sportello.shared.SequenceIds;
import it.sportello.shared.SupportedLocale;
import it.sportello.shared.TooManyRequestsException;
import it.sportello.sla.Milestones;
import it.sportello.ticket.Channel;
import it.sportello.ticket.TicketId;
import it.sportello.ticket.TicketManagement;
import it.sportello.ticket.TicketManagement.Body;
import it.sportello.ticket.TicketStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Live chats from start to end. Each change runs in one transaction that locks the chat's row (its
 * lines are numbered in turn), writes the line and its ticket message together, and tells the
 * subscribers only after the commit. The bot takes its turn after the visitor's line is committed,
 * so a slow or failing answer never loses what the visitor wrote.
 */
@Service
public class Chats {

    public static final int MAX_BODY = 2000;
    private static final int MAX_CLIENT_ID = 64;
    private static final int PAGE = 500;
    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9_-]{1," + MAX_CLIENT_ID + "}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final ChatRepository chats;
    private final ChatTranscript transcript;
    private final ChatBroadcaster broadcaster;
    private final ChatQueue queue;
    private final ChatAgents agents;
    private final ChatSetup setup;
    private final TicketManagement tickets;
    private final CustomerManagement customers;
    private final UserManagement users;
    private final BotEngine bot;
    private final BotLearning learning;
    private final Milestones milestones;
    private final SequenceIds ids;
    private final MessageSource messages;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Allowance visitorLines;
    private final Allowance typingNotices;

    Chats(
            ChatRepository chats,
            ChatTranscript transcript,
            ChatBroadcaster broadcaster,
            ChatQueue queue,
            ChatAgents agents,
            ChatSetup setup,
            TicketManagement tickets,
            CustomerManagement customers,
            UserManagement users,
            BotEngine bot,
            BotLearning learning,
            Milestones milestones,
            SequenceIds ids,
            MessageSource messages,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        this.chats = chats;
        this.transcript = transcript;
        this.broadcaster = broadcaster;
        this.queue = queue;
        this.agents = agents;
        this.setup = setup;
        this.tickets = tickets;
        this.customers = customers;
        this.users = users;
        this.bot = bot;
        this.learning = learning;
        this.milestones = milestones;
        this.ids = ids;
        this.messages = messages;
        this.tx = new TransactionTemplate(transactionManager);
        this.clock = clock;
        // A person types a few lines a minute; a script that floods a chat is stopped here.
        this.visitorLines = new Allowance(30, Duration.ofMinutes(1), clock);
        // Clients send one every few seconds while someone types; more is noise, dropped unsaid.
        this.typingNotices = new Allowance(40, Duration.ofMinutes(1), clock);
    }

    /** Who opened the chat, as far as they said (name and address are optional unless the desk asks). */
    public record Visitor(String name, String email, SupportedLocale locale) {}

    /** A new chat, with the token its visitor proves it by (given this once) and the greeting to show. */
    public record Started(ChatStatus status, String token, String greeting) {}

    public Started start(Visitor visitor) {
        String name = optionalLine(visitor.name(), "name");
        String email = optionalEmail(visitor.email());
        SupportedLocale locale = visitor.locale() == null ? SupportedLocale.IT : visitor.locale();
        String token = VisitorTokens.create();
        Chat chat = tx.execute(status -> {
            Chat created = new Chat(ids.next(Chat.SEQUENCE), VisitorTokens.hash(token), locale, now());
            Long customer = email == null
                    ? null
                    : customers.findOrCreateByEmail(email, name, locale).id().value();
            created.identify(name, email, customer);
            return chats.save(created);
        });
        return new Started(status(chat), token, setup.current().greeting(locale));
    }

    /** The chat this token opens; not found for a wrong token as for a missing chat. */
    public Chat forVisitor(long chatId, String token) {
        Chat chat = chats.findById(chatId).orElseThrow(() -> new NotFoundException("Chat", chatId));
        if (!VisitorTokens.matches(token, chat.visitorTokenHash())) {
            throw new NotFoundException("Chat", chatId);
        }
        return chat;
    }

    public Chat get(long chatId) {
        return chats.findById(chatId).orElseThrow(() -> new NotFoundException("Chat", chatId));
    }

    public ChatStatus status(long chatId) {
        return status(get(chatId));
    }

    public List<ChatLine> lines(long chatId, int afterSeq) {
        return transcript.after(chatId, Math.max(0, afterSeq), PAGE);
    }

    /** Chats in one state, for the workspace and the API: the queue in its order, the rest newest first. */
    public List<Chat> list(ChatState state) {
        if (state == ChatState.WAITING) {
            return queue.waiting();
        }
        List<Chat> found = chats.findByStateInOrderByIdDesc(EnumSet.of(state));
        return found.size() > PAGE ? found.subList(0, PAGE) : found;
    }

    public List<Chat> heldBy(UserId agent) {
        return chats.findByAgentIdAndStateOrderByAcceptedAtAsc(agent.value(), ChatState.ACTIVE);
    }

    /**
     * The visitor's message, stored (with its ticket message) before anything else happens; then,
     * while the bot has the chat, the bot's answer or the hand-over to a person. The same client id
     * again returns the line already stored, and tells the subscribers again.
     */
    public ChatLine postFromVisitor(long chatId, String clientId, String text) {
        String body = body(text);
        String id = clientId(clientId);
        if (!visitorLines.tryTake(Long.toString(chatId))) {
            throw new TooManyRequestsException("Too many messages in this chat; wait a minute", visitorLines.window());
        }
        Posted posted = tx.execute(status -> {
            Chat chat = locked(chatId);
            Optional<ChatLine> earlier = transcript.byClientId(chatId, id);
            if (earlier.isPresent()) {
                broadcaster.toChat(chatId, new ChatSignal.Line(earlier.get()));
                return new Posted(earlier.get(), chat.state(), false);
            }
            chat.requireLive("write");
            long message = intoTicket(chat, body);
            ChatLine line =
                    append(chat, ChatAuthor.VISITOR, id, chat.visitorName().orElse(null), body, null, null);
            transcript.append(line, null, message);
            return new Posted(line, chat.state(), true);
        });
        if (posted.fresh() && posted.state() == ChatState.BOT) {
            botTurn(chatId, body);
        }
        return posted.line();
    }

    private record Posted(ChatLine line, ChatState state, boolean fresh) {}

    private void botTurn(long chatId, String question) {
        Chat chat = get(chatId);
        if (PersonRequest.asks(question)) {
            requestPerson(chatId);
            return;
        }
        BotAnswer answer = bot.answer(question, chat.locale());
        if (answer.handoff()) {
            requestPerson(chatId);
            return;
        }
        tx.executeWithoutResult(status -> {
            Chat current = locked(chatId);
            if (current.state() != ChatState.BOT) {
                return;
            }
            TicketManagement.PostedMessage posted =
                    tickets.answerAsDesk(ticketOf(current), new Body(null, answer.answer()), Channel.CHAT);
            ChatLine line = append(
                    current,
                    ChatAuthor.BOT,
                    null,
                    text("chat.bot.name", current.locale()),
                    posted.message().bodyText(),
                    posted.message().bodyHtml(),
                    answer.faqId());
            transcript.append(line, null, posted.message().messageId().value());
        });
    }

    /**
     * The visitor wants a person (or the bot is not sure). Outside the chat's hours or with nobody
     * available they are offered to leave a message; if the desk wants a name and address first,
     * they are asked for them; otherwise the chat joins the queue, and the bot's learning loop
     * remembers the question it could not answer.
     */
    public ChatStatus requestPerson(long chatId) {
        ChatStatus result = tx.execute(status -> {
            Chat chat = locked(chatId);
            if (chat.state() != ChatState.BOT) {
                return status(chat);
            }
            if (chat.ticketId().isEmpty()) {
                throw new ConflictException("Write your question first: the person who takes the chat reads it");
            }
            if (!reachable()) {
                systemLine(chat, "chat.system.offline");
                return status(chat);
            }
            if (contactNeeded(chat)) {
                systemLine(chat, "chat.system.contact");
                return status(chat);
            }
            chat.queue(null, now());
            recordHandOver(chat);
            systemLine(chat, "chat.system.queued");
            transcript
                    .lastFromVisitor(chatId)
                    .ifPresent(question -> learning.handedOff(chat.ticketId().get(), chat.locale(), question));
            return null;
        });
        if (result != null) {
            broadcaster.toChat(chatId, new ChatSignal.Status(result));
            return result;
        }
        announceQueue(chatId);
        return status(chatId);
    }

    /** The visitor's name and address: the chat's ticket moves to the customer with that address. */
    public ChatStatus identify(long chatId, String name, String email) {
        ChatStatus status = tx.execute(s -> {
            Chat chat = locked(chatId);
            chat.requireLive("identify");
            identifyLocked(chat, name, email);
            return status(chat);
        });
        broadcaster.toChat(chatId, new ChatSignal.Status(status));
        return status;
    }

    /**
     * The offline fallback: the visitor's message becomes a ticket message answered by e-mail (the
     * e-mail channel mails replies to chats that are over), and the chat ends.
     */
    public ChatStatus leaveMessage(long chatId, String clientId, String name, String email, String text) {
        String body = body(text);
        String id = clientId(clientId);
        tx.executeWithoutResult(s -> {
            Chat chat = locked(chatId);
            if (transcript.byClientId(chatId, id).isPresent()) {
                return;
            }
            chat.requireLive("leave a message");
            identifyLocked(chat, name, email);
            long message = intoTicket(chat, body);
            ChatLine line =
                    append(chat, ChatAuthor.VISITOR, id, chat.visitorName().orElse(null), body, null, null);
            transcript.append(line, null, message);
            systemLine(chat, "chat.system.messageLeft", chat.visitorEmail().orElse(""));
            boolean wasWaiting = chat.state() == ChatState.WAITING;
            chat.end(now());
            if (wasWaiting) {
                broadcaster.toDesk(new ChatSignal.Desk(-1, chatId));
            }
        });
        announceQueue(chatId);
        return status(chatId);
    }

    /** The visitor says the bot's answer solved it: the chat ends and its ticket is solved. */
    public ChatStatus resolvedByBot(long chatId) {
        ChatStatus status = tx.execute(s -> {
            Chat chat = locked(chatId);
            if (chat.state() != ChatState.BOT) {
                return status(chat);
            }
            systemLine(chat, "chat.system.resolved");
            chat.end(now());
            chat.ticketId().ifPresent(ticket -> tickets.solveAsDesk(new TicketId(ticket)));
            return status(chat);
        });
        broadcaster.toChat(chatId, new ChatSignal.Status(status));
        return status;
    }

    public ChatStatus accept(long chatId, CurrentUser agent) {
        requireStaff(agent);
        tx.executeWithoutResult(s -> {
            Chat chat = locked(chatId);
            if (chat.state() == ChatState.WAITING) {
                ChatAgents.Availability availability = agents.of(agent.id());
                if (heldBy(agent.id()).size() >= availability.capacity()) {
                    throw new ConflictException("You already hold " + availability.capacity()
                            + " chats, your limit: end one or raise the limit first");
                }
            }
            chat.accept(agent.id().value(), now());
            assignTicket(chat, agent.id(), agent);
            systemLine(chat, "chat.system.joined", agent.displayName());
        });
        announceQueue(chatId);
        return status(chatId);
    }

    /** An agent's line: stored with its ticket reply; only the agent who holds the chat (or a supervisor) writes. */
    public ChatLine postFromAgent(long chatId, String clientId, String text, CurrentUser agent) {
        requireStaff(agent);
        String body = body(text);
        String id = clientId == null ? "a" + ids.next(Chat.SEQUENCE) : clientId(clientId);
        return tx.execute(s -> {
            Chat chat = locked(chatId);
            Optional<ChatLine> earlier = transcript.byClientId(chatId, id);
            if (earlier.isPresent()) {
                broadcaster.toChat(chatId, new ChatSignal.Line(earlier.get()));
                return earlier.get();
            }
            requireHolder(chat, agent);
            TicketManagement.PostedMessage posted = tickets.addMessage(
                    ticketOf(chat),
                    new TicketManagement.NewMessage(new Body(body, null), false, null, Channel.CHAT, List.of()),
                    agent);
            ChatLine line = append(chat, ChatAuthor.AGENT, id, agent.displayName(), body, null, null);
            transcript.append(
                    line, agent.id().value(), posted.message().messageId().value());
            return line;
        });
    }

    /**
     * A reply written on the ticket page rather than in the chat: it joins the chat too while the
     * chat goes on, so the visitor reads it (once the chat is over, e-mail carries it instead).
     */
    void relayTicketReply(TicketId ticket, long messageId, String text, UserId author) {
        if (transcript.carries(messageId)) {
            return;
        }
        chats.findFirstByTicketIdOrderByIdDesc(ticket.value())
                .filter(chat -> chat.state().live())
                .ifPresent(found -> tx.executeWithoutResult(s -> {
                    Chat chat = locked(found.id());
                    if (!chat.state().live() || transcript.carries(messageId)) {
                        return;
                    }
                    String name = users.findById(author).map(User::displayName).orElse(null);
                    ChatLine line = append(chat, ChatAuthor.AGENT, null, name, text, null, null);
                    transcript.append(line, author.value(), messageId);
                }));
    }

    /** To another agent, who holds it at once, or back to the queue of a group. */
    public ChatStatus transfer(long chatId, UserId toAgent, GroupId toGroup, CurrentUser actor) {
        requireStaff(actor);
        if ((toAgent == null) == (toGroup == null)) {
            throw new InvalidInputException("to", "either an agent or a group");
        }
        tx.executeWithoutResult(s -> {
            Chat chat = locked(chatId);
            chat.requireLive("transfer");
            if (chat.state() == ChatState.ACTIVE) {
                requireHolder(chat, actor);
            }
            if (toAgent != null) {
                User agent = users.requireAssignableAgent(toAgent, "agent");
                if (chat.state() == ChatState.ACTIVE) {
                    chat.handTo(toAgent.value());
                } else {
                    if (chat.state() == ChatState.BOT) {
                        chat.queue(null, now());
                        recordHandOver(chat);
                    }
                    chat.accept(toAgent.value(), now());
                }
                assignTicket(chat, toAgent, actor);
                systemLine(chat, "chat.system.transferred", agent.displayName());
            } else {
                users.requireGroup(toGroup, "group");
                chat.queue(toGroup.value(), now());
                chat.ticketId()
                        .ifPresent(ticket -> tickets.change(
                                new TicketId(ticket),
                                new TicketManagement.TicketChanges(
                                        null, null, Optional.empty(), Optional.of(toGroup), null, null, null),
                                actor));
                systemLine(chat, "chat.system.queued");
            }
        });
        announceQueue(chatId);
        return status(chatId);
    }

    /**
     * Ends a chat. An agent ending it solves its ticket (they can reopen it); a visitor leaving a
     * chat the bot had solves it too, while one who leaves the queue or a person leaves the ticket
     * open for the desk to follow up by e-mail.
     */
    public ChatStatus end(long chatId, CurrentUser agent) {
        if (agent != null) {
            requireStaff(agent);
        }
        tx.executeWithoutResult(s -> {
            Chat chat = locked(chatId);
            if (!chat.state().live()) {
                return;
            }
            if (agent != null && chat.state() == ChatState.ACTIVE) {
                requireHolder(chat, agent);
            }
            ChatState was = chat.state();
            systemLine(chat, "chat.system.ended");
            chat.end(now());
            chat.ticketId().map(TicketId::new).ifPresent(ticket -> {
                if (agent != null) {
                    if (tickets.find(ticket)
                            .map(t -> t.status().canMoveTo(TicketStatus.SOLVED))
                            .orElse(false)) {
                        tickets.change(
                                ticket,
                                new TicketManagement.TicketChanges(
                                        TicketStatus.SOLVED, null, null, null, null, null, null),
                                agent);
                    }
                } else if (was == ChatState.BOT) {
                    tickets.solveAsDesk(ticket);
                }
            });
        });
        announceQueue(chatId);
        return status(chatId);
    }

    /** The visitor reaches a person from now on: the chat's service standard counts the wait from here. */
    private void recordHandOver(Chat chat) {
        chat.ticketId()
                .ifPresent(ticket ->
                        milestones.record(new TicketId(ticket), Milestones.CHAT_HANDED_OVER, now(), null, null));
    }

    /**
     * Ends the chats the bot had that went quiet before {@code cutoff}: the visitor left without a
     * word, so the bot's answer is taken as the answer and the ticket does not wait in the inbox.
     */
    public int endQuietBotChats(Instant cutoff) {
        List<Long> quiet = transcript.quietSince(ChatState.BOT.name(), cutoff);
        for (long chatId : quiet) {
            end(chatId, null);
        }
        return quiet.size();
    }

    /** Someone is writing (or stopped): passed on at once, never stored. */
    public void typing(long chatId, ChatAuthor author, String name, boolean typing) {
        if (!typingNotices.tryTake(chatId + "/" + author.code())) {
            return;
        }
        broadcaster.toChat(chatId, new ChatSignal.Typing(author, name, typing));
    }

    /**
     * The sender's message was refused: said on the chat's topic, where only the sender's client
     * knows the id, in the chat's language.
     */
    public void rejected(long chatId, String clientId, RuntimeException why) {
        String key = switch (why) {
            case TooManyRequestsException e -> "chat.rejected.tooMany";
            case InvalidInputException e -> "chat.rejected.invalid";
            case AccessDeniedException e -> "chat.rejected.denied";
            default -> "chat.rejected.ended";
        };
        SupportedLocale locale = chats.findById(chatId).map(Chat::locale).orElse(SupportedLocale.IT);
        broadcaster.toChat(chatId, new ChatSignal.Rejected(clientId, text(key, locale, MAX_BODY)));
    }

    /**
     * Whether a person is talking live with this ticket's customer in a chat: while they are, the
     * chat delivers the replies; otherwise (an offline message, a chat that is over) e-mail does.
     */
    public boolean liveOn(TicketId ticket) {
        return chats.findFirstByTicketIdOrderByIdDesc(ticket.value())
                .map(chat -> chat.state().live())
                .orElse(false);
    }

    /** A person can be reached now: within the chat's hours, and someone available. */
    public boolean reachable() {
        return setup.withinHours() && !agents.available().isEmpty();
    }

    ChatStatus status(Chat chat) {
        Integer position = null;
        Integer wait = null;
        if (chat.state() == ChatState.WAITING) {
            for (ChatQueue.Place place : queue.places()) {
                if (place.chat().id() == chat.id()) {
                    position = place.position();
                    wait = place.waitMinutes();
                }
            }
        }
        return status(chat, position, wait);
    }

    private ChatStatus status(Chat chat, Integer position, Integer wait) {
        return status(chat, position, wait, reachable(), setup.current().requireContact());
    }

    /** With the desk's state read once by the caller: the queue's announcement tells every waiting chat. */
    private ChatStatus status(Chat chat, Integer position, Integer wait, boolean reachable, boolean requireContact) {
        String agentName = chat.agentId()
                .flatMap(id -> users.findById(new UserId(id)))
                .map(User::displayName)
                .orElse(null);
        boolean offline = chat.state() != ChatState.ACTIVE && chat.state().live() && !reachable;
        boolean contactNeeded = chat.visitorEmail().isEmpty() && requireContact;
        return new ChatStatus(
                chat.id(), chat.state(), position, wait, agentName, offline, contactNeeded, chat.lastSeq());
    }

    /** Tells every waiting visitor their new place, this chat its state, and the workspaces the count. */
    private void announceQueue(long changed) {
        List<ChatQueue.Place> places = queue.places();
        // Read once, not once per waiting chat: a long queue made every change cost three queries a chat.
        boolean reachable = reachable();
        boolean requireContact = setup.current().requireContact();
        boolean inQueue = false;
        for (ChatQueue.Place place : places) {
            inQueue |= place.chat().id() == changed;
            broadcaster.toChat(
                    place.chat().id(),
                    new ChatSignal.Status(
                            status(place.chat(), place.position(), place.waitMinutes(), reachable, requireContact)));
        }
        if (!inQueue) {
            broadcaster.toChat(changed, new ChatSignal.Status(status(get(changed))));
        }
        broadcaster.toDesk(new ChatSignal.Desk(places.size(), changed));
    }

    private boolean contactNeeded(Chat chat) {
        return chat.visitorEmail().isEmpty() && setup.current().requireContact();
    }

    private void identifyLocked(Chat chat, String name, String email) {
        String shown = optionalLine(name, "name");
        String address = optionalEmail(email);
        if (address == null) {
            throw new InvalidInputException("email", "an e-mail address to answer to");
        }
        Customer customer = customers.findOrCreateByEmail(address, shown, chat.locale());
        long customerId = customer.id().value();
        if (chat.ticketId().isPresent()
                && !chat.customerId().map(c -> c == customerId).orElse(false)) {
            tickets.changeRequester(new TicketId(chat.ticketId().get()), customer.id());
        }
        chat.identify(shown, address, customerId);
    }

    /** The visitor's words on the chat's ticket: its first message when there is no ticket yet. */
    private long intoTicket(Chat chat, String body) {
        if (chat.ticketId().isPresent()) {
            return tickets.receiveFollowUp(
                            new TicketId(chat.ticketId().get()),
                            new CustomerId(chat.customerId().orElseThrow()),
                            new Body(body, null),
                            Channel.CHAT,
                            List.of())
                    .message()
                    .messageId()
                    .value();
        }
        Customer customer = chat.customerId()
                .map(id -> customers.get(new CustomerId(id)))
                .orElseGet(() -> customers.createAnonymous(
                        chat.visitorName().orElse(text("chat.visitor.anonymous", chat.locale())), chat.locale()));
        TicketManagement.Opened opened = tickets.receive(new TicketManagement.NewTicket(
                text("chat.ticket.subject", chat.locale(), PlainText.line(abbreviated(body))),
                new TicketManagement.Requester(customer.id(), null, null, null, chat.locale()),
                new Body(body, null),
                Channel.CHAT,
                null,
                List.of(),
                null,
                null,
                List.of()));
        chat.belongsTo(opened.details().ticket().id().value(), customer.id().value());
        return opened.details().messages().getFirst().messageId().value();
    }

    private void assignTicket(Chat chat, UserId agent, CurrentUser actor) {
        chat.ticketId()
                .ifPresent(ticket -> tickets.change(
                        new TicketId(ticket),
                        new TicketManagement.TicketChanges(null, null, Optional.of(agent), null, null, null, null),
                        actor));
    }

    private ChatLine append(
            Chat chat, ChatAuthor author, String clientId, String authorName, String body, String html, String faqId) {
        ChatLine line = new ChatLine(chat.id(), chat.nextSeq(), clientId, author, authorName, body, html, faqId, now());
        broadcaster.toChat(chat.id(), new ChatSignal.Line(line));
        return line;
    }

    private void systemLine(Chat chat, String key, Object... args) {
        ChatLine line = append(chat, ChatAuthor.SYSTEM, null, null, text(key, chat.locale(), args), null, null);
        transcript.append(line, null, null);
    }

    private Chat locked(long chatId) {
        return chats.findByIdForUpdate(chatId).orElseThrow(() -> new NotFoundException("Chat", chatId));
    }

    private static TicketId ticketOf(Chat chat) {
        return new TicketId(
                chat.ticketId().orElseThrow(() -> new ConflictException("Chat " + chat.id() + " has no ticket yet")));
    }

    private static void requireStaff(CurrentUser user) {
        if (user == null || !user.hasAtLeast(Role.AGENT)) {
            throw new AccessDeniedException("Staff only");
        }
    }

    private static void requireHolder(Chat chat, CurrentUser agent) {
        if (chat.state() != ChatState.ACTIVE) {
            throw new ConflictException(
                    "Chat " + chat.id() + " is " + chat.state().code() + ": accept it first");
        }
        boolean holder = chat.agentId().map(id -> id == agent.id().value()).orElse(false);
        if (!holder && !agent.hasAtLeast(Role.SUPERVISOR)) {
            throw new AccessDeniedException("Another agent holds chat " + chat.id());
        }
    }

    private String text(String key, SupportedLocale locale, Object... args) {
        return messages.getMessage(key, args, locale.locale());
    }

    private Instant now() {
        return clock.instant();
    }

    private static String body(String text) {
        String body = text == null ? "" : PlainText.clean(text).strip();
        if (body.isEmpty()) {
            throw new InvalidInputException("body", "must not be empty");
        }
        if (body.length() > MAX_BODY) {
            throw new InvalidInputException("body", "at most " + MAX_BODY + " characters");
        }
        return body;
    }

    private static String clientId(String clientId) {
        if (clientId == null || !CLIENT_ID.matcher(clientId).matches()) {
            throw new InvalidInputException(
                    "clientId", "1 to " + MAX_CLIENT_ID + " letters, digits, '-' or '_', made by the client");
        }
        return clientId;
    }

    private static String optionalLine(String value, String field) {
        String line = value == null ? "" : PlainText.line(value);
        if (line.length() > 200) {
            throw new InvalidInputException(field, "at most 200 characters");
        }
        return line.isEmpty() ? null : line;
    }

    private static String optionalEmail(String value) {
        String email = value == null ? "" : value.strip();
        if (email.isEmpty()) {
            return null;
        }
        if (email.length() > 320 || !EMAIL.matcher(email).matches()) {
            throw new InvalidInputException("email", "not an e-mail address");
        }
        return email;
    }

    private static String abbreviated(String body) {
        String line = PlainText.line(body);
        return line.length() <= 60 ? line : line.substring(0, 59) + "…";
    }
}
