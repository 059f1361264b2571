package it.sportello.channel.chat.web;

import it.sportello.channel.chat.ChatAgents;
import it.sportello.channel.chat.ChatState;
import it.sportello.channel.chat.Chats;
import it.sportello.identity.CurrentUser;
import it.sportello.identity.GroupId;
import it.sportello.identity.UserId;
import it.sportello.shared.ConflictException;
import it.sportello.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What an agent does from the chat workspace: say whether they take chats and how many at once,
 * accept a waiting chat, hand one on, end one. Plain forms that redirect back, so the page works
 * before its script has loaded; a refusal (someone else took the chat, the limit is reached) comes
 * back as a notice in the agent's language.
 */
@Controller
class ChatDeskActionsController {

    private final Chats chats;
    private final ChatAgents agents;
    private final ChatDeskModel desk;
    private final MessageSource messages;

    ChatDeskActionsController(Chats chats, ChatAgents agents, ChatDeskModel desk, MessageSource messages) {
        this.chats = chats;
        this.agents = agents;
        this.desk = desk;
        this.messages = messages;
    }

    @PostMapping("/chats/availability")
    String availability(
            @ModelAttribute("form") ChatAvailabilityForm form,
            @RequestParam(name = "chat", required = false) Long chatId,
            CurrentUser agent,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        Integer capacity = capacity(form.capacity());
        if (capacity == null) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return desk.page(
                    model,
                    agent,
                    chatId,
                    form,
                    Map.of("capacity", text("chat.workspace.error.capacity", ChatAgents.MAX_CAPACITY)));
        }
        agents.set(agent.id(), form.available(), capacity);
        redirect.addFlashAttribute("notice", text("chat.workspace.saved"));
        return back(chatId);
    }

    @PostMapping("/chats/{chatId}/accept")
    String accept(@PathVariable long chatId, CurrentUser agent, RedirectAttributes redirect) {
        try {
            chats.accept(chatId, agent);
            return "redirect:/chats/" + chatId;
        } catch (ConflictException e) {
            boolean taken = chats.get(chatId).state() != ChatState.WAITING;
            redirect.addFlashAttribute("problem", text(taken ? "chat.workspace.taken" : "chat.workspace.full"));
            return back(null);
        }
    }

    @PostMapping("/chats/{chatId}/transfer")
    String transfer(
            @PathVariable long chatId,
            @RequestParam(name = "to", required = false) String to,
            CurrentUser agent,
            RedirectAttributes redirect) {
        UserId toAgent = target(to, "agent:") == null ? null : new UserId(target(to, "agent:"));
        GroupId toGroup = target(to, "group:") == null ? null : new GroupId(target(to, "group:"));
        if (toAgent == null && toGroup == null) {
            redirect.addFlashAttribute("problem", text("chat.workspace.error.transferTo"));
            return back(chatId);
        }
        try {
            chats.transfer(chatId, toAgent, toGroup, agent);
            redirect.addFlashAttribute("notice", text("chat.workspace.transferred"));
            return back(null);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problem", text("chat.workspace.error.transferTo"));
        } catch (ConflictException | AccessDeniedException e) {
            redirect.addFlashAttribute("problem", text("chat.workspace.error.notYours"));
        }
        return back(chatId);
    }

    @PostMapping("/chats/{chatId}/end")
    String end(@PathVariable long chatId, CurrentUser agent, RedirectAttributes redirect) {
        try {
            chats.end(chatId, agent);
            redirect.addFlashAttribute("notice", text("chat.workspace.ended"));
        } catch (ConflictException | AccessDeniedException e) {
            redirect.addFlashAttribute("problem", text("chat.workspace.error.notYours"));
        }
        return back(chatId);
    }

    private static Integer capacity(String typed) {
        try {
            int capacity = Integer.parseInt(typed == null ? "" : typed.strip());
            return capacity >= 1 && capacity <= ChatAgents.MAX_CAPACITY ? capacity : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The id after {@code prefix} in a transfer choice such as {@code agent:12}, or null. */
    private static Long target(String to, String prefix) {
        if (to == null || !to.startsWith(prefix)) {
            return null;
        }
        try {
            return Long.parseLong(to.substring(prefix.length()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String back(Long chatId) {
        return chatId == null ? "redirect:/chats" : "redirect:/chats/" + chatId;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
