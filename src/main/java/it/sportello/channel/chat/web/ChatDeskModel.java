package it.sportello.channel.chat.web;

import it.sportello.channel.chat.ChatAgents;
import it.sportello.identity.CurrentUser;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What the chat workspace's template needs, in one place: every controller that answers with the
 * page (first view, or again after a wrong entry in the availability box) fills the model here.
 */
@Component
class ChatDeskModel {

    static final String PAGE = "chat/desk";
    /** The canned replies offered as one-click inserts (bundle keys, shown in the agent's language). */
    static final List<String> CANNED = List.of("chat.canned.greeting", "chat.canned.checking", "chat.canned.thanks");

    private final ChatDeskViews views;
    private final ChatAgents agents;

    ChatDeskModel(ChatDeskViews views, ChatAgents agents) {
        this.views = views;
        this.agents = agents;
    }

    /** The whole page; {@code errors} maps a field to its message, already in the page's language. */
    String page(Model model, CurrentUser agent, Long chatId, ChatAvailabilityForm form, Map<String, String> errors) {
        ChatAgents.Availability availability = agents.of(agent.id());
        model.addAttribute("lists", views.lists(agent, chatId));
        model.addAttribute("availability", availability);
        model.addAttribute("form", form == null ? ChatAvailabilityForm.of(availability) : form);
        model.addAttribute("errors", errors == null ? Map.of() : errors);
        model.addAttribute("chat", chatId == null ? null : views.conversation(chatId, agent));
        model.addAttribute("canned", CANNED);
        model.addAttribute("maxCapacity", ChatAgents.MAX_CAPACITY);
        return PAGE;
    }
}
