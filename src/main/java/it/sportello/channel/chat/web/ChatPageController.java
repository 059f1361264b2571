package it.sportello.channel.chat.web;

import it.sportello.channel.chat.ChatSettings;
import it.sportello.channel.chat.ChatSetup;
import it.sportello.shared.SupportedLocale;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * The visitor's chat: a full page at {@code /chat} (also what the widget's frame shows, with
 * {@code embed=1}), and {@code /chat/widget.js}, the one script a website includes to get the chat
 * button, with the admin's colours and position written into it.
 */
@Controller
class ChatPageController {

    /** The texts the page's script shows, in the visitor's language ({0} stays for the script to fill). */
    private static final List<String> SCRIPT_TEXTS = List.of(
            "chat.bot.name",
            "chat.you",
            "chat.answer.resolved",
            "chat.answer.person",
            "chat.status.bot",
            "chat.status.waiting",
            "chat.status.position",
            "chat.status.wait",
            "chat.status.waitSoon",
            "chat.status.waitUnknown",
            "chat.status.active",
            "chat.status.ended",
            "chat.status.reconnecting",
            "chat.status.agentTyping",
            "chat.line.sending",
            "chat.line.rejected",
            "chat.error.generic");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ChatSetup setup;
    private final MessageSource messages;
    private final String widgetScript;

    ChatPageController(ChatSetup setup, MessageSource messages) {
        this.setup = setup;
        this.messages = messages;
        this.widgetScript = read("chat/widget-body.js");
    }

    @GetMapping("/chat")
    String page(@RequestParam(defaultValue = "false") boolean embed, Model model, Locale locale) {
        SupportedLocale language =
                SupportedLocale.fromCode(locale.getLanguage()).orElse(SupportedLocale.IT);
        ChatSettings settings = setup.current();
        model.addAttribute("embed", embed);
        model.addAttribute("settings", settings);
        model.addAttribute("greeting", settings.greeting(language));
        model.addAttribute("language", language.code());
        model.addAttribute("texts", JSON.writeValueAsString(texts(locale)));
        return "chat/visitor";
    }

    @GetMapping("/chat/widget.js")
    ResponseEntity<String> widget(HttpServletRequest request) {
        ChatSettings settings = setup.current();
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("path", request.getContextPath());
        config.put("enabled", settings.enabled());
        config.put("colour", settings.colour());
        config.put("position", settings.position());
        // Both languages: the script picks the host page's, and one cached script serves every page.
        for (SupportedLocale language : SupportedLocale.values()) {
            config.put(
                    language.code(),
                    Map.of(
                            "open", messages.getMessage("chat.widget.open", null, language.locale()),
                            "close", messages.getMessage("chat.widget.close", null, language.locale())));
        }
        String script = "(function (config) {\n" + widgetScript + "\n})(" + JSON.writeValueAsString(config) + ");\n";
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "javascript", StandardCharsets.UTF_8))
                .cacheControl(
                        CacheControl.maxAge(java.time.Duration.ofMinutes(5)).cachePublic())
                .body(script);
    }

    private Map<String, String> texts(Locale locale) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (String key : SCRIPT_TEXTS) {
            // Only texts with a placeholder go through MessageFormat (and its '' for an apostrophe).
            String text = messages.getMessage(key, null, locale);
            texts.put(key, text.contains("{0}") ? messages.getMessage(key, new Object[] {"{0}"}, locale) : text);
        }
        return texts;
    }

    private static String read(String resource) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("The chat widget's script is part of the application: " + resource, e);
        }
    }
}
