package it.sportello.channel.chat.web;

import it.sportello.channel.chat.ChatLine;
import it.sportello.channel.chat.ChatProperties;
import it.sportello.channel.chat.ChatStatus;
import it.sportello.channel.chat.Chats;
import it.sportello.shared.Allowance;
import it.sportello.shared.SupportedLocale;
import it.sportello.shared.TooManyRequestsException;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The visitor's side over HTTP: starting a chat, catching up after a reconnect, and the actions
 * behind the chat's buttons. A chat is proven by its token in {@value #TOKEN}, never by a cookie, so
 * the widget works inside another site's page where the desk's cookies may be blocked.
 */
@RestController
@RequestMapping("/chat/api/chats")
class VisitorChatController {

    static final String TOKEN = "X-Chat-Token";

    private final Chats chats;
    private final Allowance starts;

    VisitorChatController(Chats chats, ChatProperties properties, Clock clock) {
        this.chats = chats;
        this.starts = new Allowance(properties.startsPerAddress(), Duration.ofMinutes(10), clock);
    }

    record StartRequest(String name, String email, String locale) {}

    record Started(long chatId, String token, String greeting, ChatStatus status) {}

    record LineRequest(String clientId, String body) {}

    record ContactRequest(String name, String email) {}

    record MessageRequest(String clientId, String name, String email, String body) {}

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Started start(@RequestBody StartRequest request, HttpServletRequest http) {
        if (!starts.tryTake(http.getRemoteAddr())) {
            throw new TooManyRequestsException("Too many chats started from this address", starts.window());
        }
        SupportedLocale locale = SupportedLocale.fromCode(request.locale()).orElse(SupportedLocale.IT);
        Chats.Started started = chats.start(new Chats.Visitor(request.name(), request.email(), locale));
        return new Started(started.status().chatId(), started.token(), started.greeting(), started.status());
    }

    @GetMapping("/{chatId}")
    ChatStatus status(@PathVariable long chatId, @RequestHeader(TOKEN) String token) {
        chats.forVisitor(chatId, token);
        return chats.status(chatId);
    }

    /** What follows line {@code after}: a client that reconnects asks from the last line it showed. */
    @GetMapping("/{chatId}/lines")
    List<ChatLine> lines(
            @PathVariable long chatId,
            @RequestHeader(TOKEN) String token,
            @RequestParam(defaultValue = "0") int after) {
        chats.forVisitor(chatId, token);
        return chats.lines(chatId, after);
    }

    /** The same as sending over the socket, for clients without one; the stored line is the acknowledgement. */
    @PostMapping("/{chatId}/lines")
    ChatLine post(@PathVariable long chatId, @RequestHeader(TOKEN) String token, @RequestBody LineRequest line) {
        chats.forVisitor(chatId, token);
        return chats.postFromVisitor(chatId, line.clientId(), line.body());
    }

    @PostMapping("/{chatId}/person")
    ChatStatus person(@PathVariable long chatId, @RequestHeader(TOKEN) String token) {
        chats.forVisitor(chatId, token);
        return chats.requestPerson(chatId);
    }

    @PostMapping("/{chatId}/contact")
    ChatStatus contact(
            @PathVariable long chatId, @RequestHeader(TOKEN) String token, @RequestBody ContactRequest contact) {
        chats.forVisitor(chatId, token);
        return chats.identify(chatId, contact.name(), contact.email());
    }

    @PostMapping("/{chatId}/resolved")
    ChatStatus resolved(@PathVariable long chatId, @RequestHeader(TOKEN) String token) {
        chats.forVisitor(chatId, token);
        return chats.resolvedByBot(chatId);
    }

    @PostMapping("/{chatId}/offline-message")
    ChatStatus leaveMessage(
            @PathVariable long chatId, @RequestHeader(TOKEN) String token, @RequestBody MessageRequest message) {
        chats.forVisitor(chatId, token);
        return chats.leaveMessage(chatId, message.clientId(), message.name(), message.email(), message.body());
    }

    @PostMapping("/{chatId}/end")
    ChatStatus end(@PathVariable long chatId, @RequestHeader(TOKEN) String token) {
        chats.forVisitor(chatId, token);
        return chats.end(chatId, null);
    }
}
