package it.sportello.channel.chat.web;

import it.sportello.automation.Macros;
import it.sportello.channel.chat.ChatAgents;
import it.sportello.identity.CurrentUser;
import it.sportello.ticket.TicketId;
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

    private final ChatDeskViews views;
    private final ChatAgents agents;
    private final Macros macros;

    ChatDeskModel(ChatDeskViews views, ChatAgents agents, Macros macros) {
        this.views = views;
        this.agents = agents;
        this.macros = macros;
    }

    /** The whole page; {@code errors} maps a field to its message, already in the page's language. */
    String page(Model model, CurrentUser agent, Long chatId, ChatAvailabilityForm form, Map<String, String> errors) {
        ChatAgents.Availability availability = agents.of(agent.id());
        model.addAttribute("lists", views.lists(agent, chatId));
        model.addAttribute("availability", availability);
        model.addAttribute("form", form == null ? ChatAvailabilityForm.of(availability) : form);
        model.addAttribute("errors", errors == null ? Map.of() : errors);
        ChatDeskViews.Conversation chat = chatId == null ? null : views.conversation(chatId, agent);
        model.addAttribute("chat", chat);
        // The ready replies are the macros' replies, filled in for this chat's customer in their language.
        model.addAttribute(
                "canned",
                chat == null || chat.ticketId() == null
                        ? List.of()
                        : macros.repliesFor(agent, new TicketId(chat.ticketId())));
        model.addAttribute("maxCapacity", ChatAgents.MAX_CAPACITY);
        return PAGE;
    }
}
