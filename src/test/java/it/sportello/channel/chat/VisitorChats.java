package it.sportello.channel.chat;

import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.support.Api;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/** A visitor's side of a chat through its HTTP API, as the widget uses it when its socket is down. */
public final class VisitorChats {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Api api;

    public VisitorChats(Api api) {
        this.api = api;
    }

    /** A started chat and the token that proves it. */
    public record Visitor(long chatId, String token) {}

    public Visitor start(String name, String email, String locale) {
        Api.Reply started =
                api.post("/chat/api/chats", null, Api.object("name", name, "email", email, "locale", locale));
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        return new Visitor(
                started.json().get("chatId").asLong(),
                started.json().get("token").asString());
    }

    /** The visitor writes a line (with a fresh client id); fails unless it is stored. */
    public Api.Reply say(Visitor visitor, String body) {
        Api.Reply said = call(
                "POST", visitor, "/lines", Map.of("clientId", UUID.randomUUID().toString(), "body", body));
        assertThat(said.status()).as(said.toString()).isEqualTo(200);
        return said;
    }

    /** A chat waiting for a person: the visitor asks for one in their first line (the bot hands over). */
    public Visitor waiting(String name, String email) {
        Visitor visitor = start(name, email, "it");
        say(visitor, "Vorrei parlare con un operatore");
        assertThat(status(visitor)).isEqualTo("waiting");
        return visitor;
    }

    public String status(Visitor visitor) {
        return call("GET", visitor, "", null).json().get("state").asString();
    }

    public Api.Reply call(String method, Visitor visitor, String path, Object body) {
        return api.sendRaw(
                method,
                "/chat/api/chats/" + visitor.chatId() + path,
                null,
                "application/json",
                body == null ? "" : JSON.writeValueAsString(body),
                Map.of("X-Chat-Token", visitor.token()));
    }
}
