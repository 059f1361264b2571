package it.sportello.channel.chat;

import static it.sportello.channel.chat.ChatSockets.line;
import static it.sportello.channel.chat.ChatSockets.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.sportello.support.Api;
import it.sportello.support.ApiTestCase;
import it.sportello.support.Desk;
import it.sportello.support.IntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A chat through the visitor's HTTP side, real STOMP connections and the agents' REST API: the
 * hand-over to a person, acceptance, live lines both ways, the ticket that records it, catching up
 * after a reconnect without a line twice, and who may reach which chat.
 */
@IntegrationTest
class ChatApiTests extends ApiTestCase {

    private static final Duration WAIT = Duration.ofSeconds(10);

    record Visitor(long chatId, String token) {
        Map<String, String> header() {
            return Map.of("X-Chat-Token", token);
        }
    }

    private Visitor startChat(String email) {
        Api.Reply started =
                api.post("/chat/api/chats", null, Api.object("name", "Ada", "email", email, "locale", "it"));
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        return new Visitor(
                started.json().get("chatId").asLong(),
                started.json().get("token").asString());
    }

    private Api.Reply visitorCall(String method, Visitor visitor, String path, Object body) {
        return api.sendRaw(
                method,
                "/chat/api/chats/" + visitor.chatId() + path,
                null,
                "application/json",
                body == null
                        ? ""
                        : tools.jackson.databind.json.JsonMapper.builder()
                                .build()
                                .writeValueAsString(body),
                visitor.header());
    }

    private Desk.Person availableAgent() {
        Desk.Person agent = desk.agent();
        Api.Reply set = api.sendJson(
                "PUT", "/api/v1/chats/availability", agent.token(), Api.object("available", true, "capacity", 5));
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        return agent;
    }

    private static Map<String, Object> outgoing(String clientId, String body) {
        return Map.of("clientId", clientId, "body", body);
    }

    /** Waits until this connection's subscription to the chat is in place: its own typing notice comes back. */
    private static void awaitSubscribed(ChatSockets.Connection connection, long chatId) throws Exception {
        for (int attempt = 0; attempt < 20; attempt++) {
            connection.send("/app/chats/" + chatId + "/typing", Map.of("typing", false));
            try {
                connection.await(s -> s.path("type").asString().equals("typing"), Duration.ofMillis(500));
                return;
            } catch (AssertionError notYet) {
                // the SUBSCRIBE frame is still on its way
            }
        }
        throw new AssertionError("Subscription to chat " + chatId + " never became active");
    }

    @Test
    void visitorAsksForAPersonAnAgentAcceptsAndTheyTalkLiveOnAChatTicket() throws Exception {
        Desk.Person agent = availableAgent();
        Visitor visitor = startChat(Api.unique("ada") + "@example.com");
        try (ChatSockets.Connection socket = ChatSockets.visitor(port, visitor.chatId(), visitor.token())) {
            socket.subscribe("/topic/chat." + visitor.chatId());
            awaitSubscribed(socket, visitor.chatId());

            socket.send("/app/chats/" + visitor.chatId() + "/send", outgoing("c1", "Vorrei parlare con un operatore"));
            JsonNode mine = socket.await(line("visitor", "Vorrei parlare con un operatore"), WAIT);
            assertThat(mine.get("line").get("clientId").asString()).isEqualTo("c1");
            assertThat(mine.get("line").get("seq").asInt()).isEqualTo(1);
            JsonNode waiting = socket.await(status("waiting"), WAIT);
            assertThat(waiting.get("status").get("position").asInt()).isPositive();

            Api.Reply accepted = api.post("/api/v1/chats/" + visitor.chatId() + "/accept", agent.token(), Map.of());
            assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
            assertThat(accepted.json().get("state").asString()).isEqualTo("active");
            socket.await(status("active"), WAIT);

            Api.Reply written = api.post(
                    "/api/v1/chats/" + visitor.chatId() + "/messages",
                    agent.token(),
                    Map.of("body", "Buongiorno, mi dica pure."));
            assertThat(written.status()).as(written.toString()).isEqualTo(200);
            JsonNode reply = socket.await(line("agent", "Buongiorno, mi dica pure."), WAIT);
            assertThat(reply.get("line").get("authorName").asString()).isNotBlank();

            socket.send("/app/chats/" + visitor.chatId() + "/send", outgoing("c2", "Il mio ordine è in ritardo"));
            socket.await(line("visitor", "Il mio ordine è in ritardo"), WAIT);

            socket.send("/app/chats/" + visitor.chatId() + "/send", outgoing("c3", "   "));
            JsonNode refused = socket.await(s -> s.path("type").asString().equals("rejected"), WAIT);
            assertThat(refused.get("clientId").asString()).isEqualTo("c3");
            assertThat(refused.get("reason").asString()).contains("vuoto");
        }

        JsonNode chat =
                api.get("/api/v1/chats/" + visitor.chatId(), agent.token()).json();
        assertThat(chat.get("chat").get("state").asString()).isEqualTo("active");
        long ticketId = chat.get("chat").get("ticketId").asLong();
        List<String> authors = new ArrayList<>();
        chat.get("lines").forEach(l -> authors.add(l.get("author").asString()));
        assertThat(authors).containsExactly("visitor", "system", "system", "agent", "visitor");

        JsonNode ticket = api.get("/api/v1/tickets/" + ticketId, agent.token()).json();
        assertThat(ticket.get("channel").asString()).isEqualTo("chat");
        assertThat(ticket.get("assignee").get("id").asLong()).isEqualTo(agent.id());
        assertThat(ticket.toString())
                .contains("Vorrei parlare con un operatore", "Buongiorno, mi dica pure.", "Il mio ordine è in ritardo");
    }

    @Test
    void aVisitorWhoReconnectsCatchesUpAndAResentMessageLandsOnce() throws Exception {
        Desk.Person agent = availableAgent();
        Visitor visitor = startChat(null);
        Api.Reply first = visitorCall("POST", visitor, "/lines", outgoing("first", "Voglio un operatore"));
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(api.post("/api/v1/chats/" + visitor.chatId() + "/accept", agent.token(), Map.of())
                        .status())
                .isEqualTo(200);
        for (int i = 1; i <= 3; i++) {
            api.post("/api/v1/chats/" + visitor.chatId() + "/messages", agent.token(), Map.of("body", "Risposta " + i));
        }
        JsonNode all = visitorCall("GET", visitor, "/lines?after=0", null).json();
        int lastSeen = 2;
        JsonNode missed =
                visitorCall("GET", visitor, "/lines?after=" + lastSeen, null).json();
        assertThat(missed.size()).isEqualTo(all.size() - lastSeen);
        List<Integer> seqs = new ArrayList<>();
        missed.forEach(l -> seqs.add(l.get("seq").asInt()));
        assertThat(seqs).isSorted().doesNotHaveDuplicates().first().isEqualTo(lastSeen + 1);

        Api.Reply again = visitorCall("POST", visitor, "/lines", outgoing("first", "Voglio un operatore"));
        assertThat(again.json().get("seq").asInt())
                .isEqualTo(first.json().get("seq").asInt());
        JsonNode after = visitorCall("GET", visitor, "/lines?after=0", null).json();
        assertThat(after.size()).isEqualTo(all.size());
    }

    @Test
    void aWrongTokenOpensNothingAndAVisitorCannotFollowAnotherChat() throws Exception {
        Visitor mine = startChat(null);
        Visitor other = startChat(null);
        Visitor forged = new Visitor(other.chatId(), mine.token());
        assertThat(visitorCall("GET", forged, "", null).status()).isEqualTo(404);
        assertThat(visitorCall("GET", forged, "/lines", null).status()).isEqualTo(404);
        assertThat(visitorCall("POST", forged, "/lines", outgoing("x", "ciao")).status())
                .isEqualTo(404);

        assertThatThrownBy(() -> ChatSockets.visitor(port, other.chatId(), mine.token()))
                .hasStackTraceContaining("Not allowed");

        try (ChatSockets.Connection socket = ChatSockets.visitor(port, mine.chatId(), mine.token())) {
            socket.subscribe("/topic/chat." + other.chatId());
            // The broker closes a connection whose SUBSCRIBE it refused.
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (socket.session().isConnected() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(socket.session().isConnected()).isFalse();
        }
    }

    @Test
    void badInputIsRefusedClearlyAndWritesNothing() {
        Visitor visitor = startChat(null);
        Api.Reply empty = visitorCall("POST", visitor, "/lines", outgoing("e1", "   "));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.contentType()).contains("application/problem+json");
        Api.Reply badId = visitorCall("POST", visitor, "/lines", outgoing("no spaces allowed", "ciao"));
        assertThat(badId.status()).isEqualTo(400);
        Api.Reply tooLong = visitorCall("POST", visitor, "/lines", outgoing("l1", "x".repeat(Chats.MAX_BODY + 1)));
        assertThat(tooLong.status()).isEqualTo(400);
        Api.Reply badEmail = api.post("/chat/api/chats", null, Api.object("email", "not-an-address"));
        assertThat(badEmail.status()).isEqualTo(400);
        assertThat(visitorCall("GET", visitor, "/lines", null).json().size()).isZero();
        assertThat(api.get("/api/v1/chats/" + visitor.chatId(), null).status()).isEqualTo(401);
    }

    @Test
    void withNobodyToAnswerTheVisitorLeavesAMessageThatBecomesATicketAnsweredByEmail() {
        JsonNode settings = api.get("/api/v1/chats/settings", Desk.ADMIN).json();
        Map<String, Object> closed = new java.util.HashMap<>(
                tools.jackson.databind.json.JsonMapper.builder().build().convertValue(settings, Map.class));
        closed.put("enabled", false);
        assertThat(api.sendJson("PUT", "/api/v1/chats/settings", Desk.ADMIN, closed)
                        .status())
                .isEqualTo(200);
        try {
            Visitor visitor = startChat(null);
            visitorCall("POST", visitor, "/lines", outgoing("q1", "Parlare con una persona, per favore"));
            JsonNode status = visitorCall("GET", visitor, "", null).json();
            assertThat(status.get("state").asString()).isEqualTo("bot");
            assertThat(status.get("offline").asBoolean()).isTrue();

            String email = Api.unique("offline") + "@example.com";
            Api.Reply left = visitorCall(
                    "POST",
                    visitor,
                    "/offline-message",
                    Map.of("clientId", "m1", "name", "Bea", "email", email, "body", "Richiamatemi domani"));
            assertThat(left.status()).as(left.toString()).isEqualTo(200);
            assertThat(left.json().get("state").asString()).isEqualTo("ended");

            JsonNode chat =
                    api.get("/api/v1/chats/" + visitor.chatId(), Desk.ADMIN).json();
            JsonNode ticket = api.get(
                            "/api/v1/tickets/"
                                    + chat.get("chat").get("ticketId").asLong(),
                            Desk.ADMIN)
                    .json();
            assertThat(ticket.get("channel").asString()).isEqualTo("chat");
            assertThat(ticket.toString()).contains("Richiamatemi domani");
            JsonNode customer = api.get(
                            "/api/v1/customers/"
                                    + ticket.get("requester").get("id").asLong(),
                            Desk.ADMIN)
                    .json();
            assertThat(customer.toString()).contains(email);
        } finally {
            settings = api.get("/api/v1/chats/settings", Desk.ADMIN).json();
            Map<String, Object> open = new java.util.HashMap<>(
                    tools.jackson.databind.json.JsonMapper.builder().build().convertValue(settings, Map.class));
            open.put("enabled", true);
            api.sendJson("PUT", "/api/v1/chats/settings", Desk.ADMIN, open);
        }
    }

    @Autowired
    Chats chats;

    @Test
    void aBotChatTheVisitorLeftQuietIsEndedAndItsTicketSolved() {
        Map<String, Object> settings = settings();
        settings.put("enabled", false);
        assertThat(api.sendJson("PUT", "/api/v1/chats/settings", Desk.ADMIN, settings)
                        .status())
                .isEqualTo(200);
        Visitor visitor;
        try {
            // Nobody to hand over to: the chat stays with the bot, offered to leave a message, and the visitor goes.
            visitor = startChat(null);
            visitorCall("POST", visitor, "/lines", outgoing("q1", "Parlare con una persona"));
        } finally {
            Map<String, Object> open = settings();
            open.put("enabled", true);
            api.sendJson("PUT", "/api/v1/chats/settings", Desk.ADMIN, open);
        }
        assertThat(chats.endQuietBotChats(java.time.Instant.now().minusSeconds(3600)))
                .as("not quiet for an hour yet")
                .isZero();
        assertThat(chats.endQuietBotChats(java.time.Instant.now().plusSeconds(1)))
                .isPositive();

        JsonNode chat =
                api.get("/api/v1/chats/" + visitor.chatId(), Desk.ADMIN).json().get("chat");
        assertThat(chat.get("state").asString()).isEqualTo("ended");
        JsonNode ticket = api.get("/api/v1/tickets/" + chat.get("ticketId").asLong(), Desk.ADMIN)
                .json();
        assertThat(ticket.get("status").asString()).isEqualTo("solved");
    }

    @Test
    void whenTheDeskWantsAnAddressFirstTheVisitorGivesItAndTheChatMovesToThatCustomer() {
        availableAgent();
        Map<String, Object> settings = settings();
        settings.put("requireContact", true);
        assertThat(api.sendJson("PUT", "/api/v1/chats/settings", Desk.ADMIN, settings)
                        .status())
                .isEqualTo(200);
        try {
            Visitor visitor = startChat(null);
            visitorCall("POST", visitor, "/lines", outgoing("q1", "Voglio parlare con un operatore"));
            JsonNode asked = visitorCall("GET", visitor, "", null).json();
            assertThat(asked.get("state").asString()).isEqualTo("bot");
            assertThat(asked.get("contactNeeded").asBoolean()).isTrue();

            Api.Reply noAddress = visitorCall("POST", visitor, "/contact", Map.of("name", "Carla"));
            assertThat(noAddress.status()).isEqualTo(400);
            String email = Api.unique("carla") + "@example.com";
            Api.Reply given = visitorCall("POST", visitor, "/contact", Map.of("name", "Carla", "email", email));
            assertThat(given.status()).as(given.toString()).isEqualTo(200);
            assertThat(given.json().get("contactNeeded").asBoolean()).isFalse();
            JsonNode queued = visitorCall("POST", visitor, "/person", null).json();
            assertThat(queued.get("state").asString()).isEqualTo("waiting");

            JsonNode chat = api.get("/api/v1/chats/" + visitor.chatId(), Desk.ADMIN)
                    .json()
                    .get("chat");
            JsonNode ticket = api.get("/api/v1/tickets/" + chat.get("ticketId").asLong(), Desk.ADMIN)
                    .json();
            assertThat(api.get("/api/v1/tickets/" + chat.get("ticketId").asLong() + "/milestones", Desk.ADMIN)
                            .body())
                    .as("the chat standard counts the wait for a person from the hand-over")
                    .contains(it.sportello.sla.Milestones.CHAT_HANDED_OVER);
            assertThat(api.get(
                                    "/api/v1/customers/"
                                            + ticket.get("requester").get("id").asLong(),
                                    Desk.ADMIN)
                            .body())
                    .contains(email);
        } finally {
            Map<String, Object> back = settings();
            back.put("requireContact", false);
            api.sendJson("PUT", "/api/v1/chats/settings", Desk.ADMIN, back);
        }
    }

    @Test
    void aReplyWrittenOnTheChatsTicketPageReachesTheVisitorOnce() throws Exception {
        Desk.Person agent = availableAgent();
        Visitor visitor = startChat(null);
        visitorCall("POST", visitor, "/lines", outgoing("q1", "Operatore, per favore"));
        long ticketId = api.get("/api/v1/chats/" + visitor.chatId(), agent.token())
                .json()
                .get("chat")
                .get("ticketId")
                .asLong();
        Api.Reply replied = api.post(
                "/api/v1/tickets/" + ticketId + "/messages", agent.token(), Desk.message("Le scrivo dal ticket."));
        assertThat(replied.status()).as(replied.toString()).isEqualTo(201);
        long deadline = System.nanoTime() + WAIT.toNanos();
        List<String> bodies = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            bodies.clear();
            visitorCall("GET", visitor, "/lines", null)
                    .json()
                    .forEach(l -> bodies.add(l.get("body").asString()));
            if (bodies.contains("Le scrivo dal ticket.")) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(bodies).containsOnlyOnce("Le scrivo dal ticket.");
    }

    @Test
    void aPageOfAnotherSiteCannotOpenTheChatSocket() {
        org.springframework.web.socket.WebSocketHttpHeaders foreign =
                new org.springframework.web.socket.WebSocketHttpHeaders();
        foreign.setOrigin("http://evil.example");
        assertThatThrownBy(() ->
                        ChatSockets.connect(port, foreign, new org.springframework.messaging.simp.stomp.StompHeaders()))
                .hasStackTraceContaining("403");
    }

    private Map<String, Object> settings() {
        return new java.util.HashMap<>(tools.jackson.databind.json.JsonMapper.builder()
                .build()
                .convertValue(api.get("/api/v1/chats/settings", Desk.ADMIN).json(), Map.class));
    }

    static String clientId() {
        return UUID.randomUUID().toString();
    }
}
