package it.sportello.channel.chat.web;

import it.sportello.channel.chat.ChatAgents;
import it.sportello.identity.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The agents' chat workspace ({@code /chats}, agents and above): availability, the queue, their
 * own chats and the open conversation. The lists, the waiting count and the transcript's newest
 * lines are also served alone, for the page to refresh them when the desk's STOMP topic or the
 * chat's own topic says something changed.
 */
@Controller
class ChatDeskController {

    private static final String PAGE = ChatDeskModel.PAGE;

    private final ChatDeskViews views;
    private final ChatDeskModel page;
    private final ChatAgents agents;

    ChatDeskController(ChatDeskViews views, ChatDeskModel page, ChatAgents agents) {
        this.views = views;
        this.page = page;
        this.agents = agents;
    }

    @GetMapping("/chats")
    String desk(CurrentUser agent, Model model) {
        return page.page(model, agent, null, null, null);
    }

    @GetMapping("/chats/{chatId}")
    String chat(@PathVariable long chatId, CurrentUser agent, Model model) {
        return page.page(model, agent, chatId, null, null);
    }

    /** The queue and the agent's chats, with the open chat marked. */
    @GetMapping("/chats/lists")
    String lists(@RequestParam(name = "chat", required = false) Long selected, CurrentUser agent, Model model) {
        model.addAttribute("lists", views.lists(agent, selected));
        return PAGE + " :: lists";
    }

    /** The number of chats waiting, for the badge in the top navigation of every staff page. */
    @GetMapping("/chats/badge")
    String badge(Model model) {
        model.addAttribute("waiting", views.waitingCount());
        return PAGE + " :: badge";
    }

    /** The open chat's lines after {@code after}, rendered as the transcript shows them. */
    @GetMapping("/chats/{chatId}/lines")
    String lines(@PathVariable long chatId, @RequestParam(defaultValue = "0") int after, Model model) {
        model.addAttribute("lines", views.lines(chatId, after));
        return PAGE + " :: lines";
    }

    /** The workspace is still open: its agent keeps counting as present. */
    @PostMapping("/chats/presence")
    ResponseEntity<Void> presence(CurrentUser agent) {
        agents.seen(agent.id());
        return ResponseEntity.status(HttpStatus.NO_CONTENT).build();
    }
}
