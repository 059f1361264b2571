package it.sportello.channel.chat.web;

import it.sportello.channel.chat.Chat;
import it.sportello.channel.chat.ChatAgents;
import it.sportello.channel.chat.ChatLine;
import it.sportello.channel.chat.ChatSettings;
import it.sportello.channel.chat.ChatSetup;
import it.sportello.channel.chat.ChatState;
import it.sportello.channel.chat.ChatStatus;
import it.sportello.channel.chat.Chats;
import it.sportello.identity.CurrentUser;
import it.sportello.identity.GroupId;
import it.sportello.identity.UserId;
import it.sportello.shared.EnumCodes;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Chats for integrations: the queue and live chats, a chat with its transcript, accepting, writing, ending. */
@RestController
@RequestMapping("/api/v1/chats")
@PreAuthorize("hasRole('AGENT')")
class ChatApiController {

    private final Chats chats;
    private final ChatViews views;
    private final ChatAgents agents;
    private final ChatSetup setup;

    ChatApiController(Chats chats, ChatViews views, ChatAgents agents, ChatSetup setup) {
        this.chats = chats;
        this.views = views;
        this.agents = agents;
        this.setup = setup;
    }

    record MessageRequest(String body, String clientId) {}

    record TransferRequest(Long agentId, Long groupId) {}

    /** A chat with its lines after {@code after} (all of them by default). */
    record ChatDetails(ChatViews.ChatView chat, ChatStatus status, List<ChatLine> lines) {}

    @GetMapping
    List<ChatViews.ChatView> list(@RequestParam(defaultValue = "waiting") String state) {
        ChatState wanted = EnumCodes.parse(ChatState.class, state, "state");
        return views.of(chats.list(wanted));
    }

    record AvailabilityRequest(boolean available, Integer capacity) {}

    /** The calling agent's availability for chats (they count as present while they call within a while). */
    @GetMapping("/availability")
    ChatAgents.Availability availability(@AuthenticationPrincipal CurrentUser agent) {
        return agents.of(agent.id());
    }

    @PutMapping("/availability")
    ChatAgents.Availability setAvailability(
            @RequestBody AvailabilityRequest request, @AuthenticationPrincipal CurrentUser agent) {
        return agents.set(
                agent.id(),
                request.available(),
                request.capacity() == null ? agents.of(agent.id()).capacity() : request.capacity());
    }

    /** How the widget looks and when chats with a person are offered (admins). */
    @GetMapping("/settings")
    @PreAuthorize("hasRole('ADMIN')")
    ChatSettings settings() {
        return setup.current();
    }

    @PutMapping("/settings")
    @PreAuthorize("hasRole('ADMIN')")
    ChatSettings saveSettings(@RequestBody ChatSettings settings) {
        return setup.save(settings);
    }

    @GetMapping("/{chatId}")
    ChatDetails get(@PathVariable long chatId, @RequestParam(defaultValue = "0") int after) {
        Chat chat = chats.get(chatId);
        return new ChatDetails(views.of(chat), chats.status(chatId), chats.lines(chatId, after));
    }

    @PostMapping("/{chatId}/accept")
    ChatStatus accept(@PathVariable long chatId, @AuthenticationPrincipal CurrentUser agent) {
        return chats.accept(chatId, agent);
    }

    @PostMapping("/{chatId}/messages")
    ChatLine write(
            @PathVariable long chatId,
            @RequestBody MessageRequest message,
            @AuthenticationPrincipal CurrentUser agent) {
        return chats.postFromAgent(chatId, message.clientId(), message.body(), agent);
    }

    @PostMapping("/{chatId}/transfer")
    ChatStatus transfer(
            @PathVariable long chatId,
            @RequestBody TransferRequest transfer,
            @AuthenticationPrincipal CurrentUser agent) {
        return chats.transfer(
                chatId,
                transfer.agentId() == null ? null : new UserId(transfer.agentId()),
                transfer.groupId() == null ? null : new GroupId(transfer.groupId()),
                agent);
    }

    @PostMapping("/{chatId}/end")
    ChatStatus end(@PathVariable long chatId, @AuthenticationPrincipal CurrentUser agent) {
        return chats.end(chatId, agent);
    }
}
