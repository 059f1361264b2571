package it.sportello.channel.chat.web;

import static it.sportello.support.Browser.form;
import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.channel.chat.VisitorChats;
import it.sportello.support.Api;
import it.sportello.support.ApiTestCase;
import it.sportello.support.Browser;
import it.sportello.support.Desk;
import it.sportello.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The agents' chat workspace over HTTP, as a browser without a screen uses it: who may open it,
 * saving availability (and a wrong limit refused with a form error), the queue, accepting, the
 * whole transcript, transferring to a group and ending.
 */
@IntegrationTest
class ChatDeskPagesTests extends ApiTestCase {

    private VisitorChats visitors;

    @BeforeEach
    void visitors() {
        visitors = new VisitorChats(api);
    }

    @Test
    void onlyStaffOpenTheWorkspace() {
        HttpResponse<String> stranger = new Browser(port).get("/chats");
        assertThat(stranger.statusCode()).isEqualTo(302);
        assertThat(new Browser(port).redirectTarget(stranger)).isEqualTo("/login");
        assertThat(new Browser(port).get("/chats/badge").statusCode()).isEqualTo(302);

        Browser customer = signedIn(desk.customer());
        assertThat(customer.get("/chats").statusCode()).isEqualTo(403);
        assertThat(customer.get("/chats/lists").statusCode()).isEqualTo(403);
        assertThat(customer.get("/").body()).doesNotContain("nav-chat-badge");

        Browser agent = signedIn(desk.agent());
        HttpResponse<String> page = agent.get("/chats");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("Disponibilità")
                .contains("Chat contemporanee")
                .contains("Le mie chat")
                .contains("/js/chat-desk.js");
        assertThat(agent.get("/inbox").body())
                .as("the navigation links the workspace")
                .contains("nav-chat-badge");
    }

    @Test
    void anAgentSavesTheirAvailabilityAndAWrongLimitIsAFormError() {
        Desk.Person person = desk.agent();
        Browser agent = signedIn(person);
        String token = Browser.csrfToken(agent.get("/chats").body());

        HttpResponse<String> saved =
                agent.post("/chats/availability", form("_csrf", token, "availability", "available", "capacity", "4"));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(agent.redirectTarget(saved)).isEqualTo("/chats");
        assertThat(agent.get("/chats").body())
                .contains("Disponibilità salvata.")
                .contains("Ora ricevi chat.");
        JsonNode availability =
                api.get("/api/v1/chats/availability", person.token()).json();
        assertThat(availability.get("available").asBoolean()).isTrue();
        assertThat(availability.get("capacity").asInt()).isEqualTo(4);

        for (String wrong : new String[] {"0", "21", "tre", ""}) {
            HttpResponse<String> refused =
                    agent.post("/chats/availability", form("_csrf", token, "availability", "away", "capacity", wrong));
            assertThat(refused.statusCode()).as(wrong).isEqualTo(422);
            assertThat(refused.body())
                    .contains("Scrivi un numero da 1 a 20.")
                    .contains("aria-invalid=\"true\"")
                    .contains("value=\"" + wrong + "\"");
        }
        JsonNode unchanged =
                api.get("/api/v1/chats/availability", person.token()).json();
        assertThat(unchanged.get("available").asBoolean()).isTrue();
        assertThat(unchanged.get("capacity").asInt()).isEqualTo(4);

        HttpResponse<String> away =
                agent.post("/chats/availability", form("_csrf", token, "availability", "away", "capacity", "2"));
        assertThat(away.statusCode()).isEqualTo(302);
        JsonNode now = api.get("/api/v1/chats/availability", person.token()).json();
        assertThat(now.get("available").asBoolean()).isFalse();
        assertThat(now.get("capacity").asInt()).isEqualTo(2);
        assertThat(agent.post("/chats/presence", Map.of()).statusCode())
                .as("a state-changing call needs the CSRF token")
                .isEqualTo(403);
    }

    @Test
    void anAgentAcceptsAWaitingChatReadsItsWholeTranscriptTransfersItAndEndsAnother() {
        Desk.Person person = desk.agent();
        Browser agent = signedIn(person);
        String token = Browser.csrfToken(agent.get("/chats").body());
        agent.post("/chats/availability", form("_csrf", token, "availability", "available", "capacity", "3"));
        assertThat(agent.get("/chats").body()).contains("Disponibilità salvata.");
        String name = Api.unique("Ada");
        VisitorChats.Visitor visitor = visitors.waiting(name, null);

        String queue = agent.get("/chats/lists").body();
        assertThat(queue).contains(name).contains("/chats/" + visitor.chatId() + "/accept");
        assertThat(agent.get("/chats/badge").body()).contains("id=\"nav-chat-badge\"");

        HttpResponse<String> accepted = agent.post("/chats/" + visitor.chatId() + "/accept", form("_csrf", token));
        assertThat(accepted.statusCode()).isEqualTo(302);
        assertThat(agent.redirectTarget(accepted)).isEqualTo("/chats/" + visitor.chatId());
        visitors.say(visitor, "Il pacco non è arrivato");

        String page = agent.get("/chats/" + visitor.chatId()).body();
        assertThat(page)
                .contains("Vorrei parlare con un operatore")
                .contains("line line-visitor")
                .contains("line line-system")
                .contains("Il pacco non è arrivato")
                .contains("id=\"chat-body\"")
                .contains("Ticket #");
        assertThat(agent.get("/chats/" + visitor.chatId() + "/lines?after=0").body())
                .contains("data-seq=\"1\"")
                .contains("Il pacco non è arrivato");
        assertThat(agent.get("/chats/" + visitor.chatId() + "/lines?after=100").body())
                .doesNotContain("data-seq=");
        assertThat(agent.get("/chats/lists").body())
                .as("now among the agent's chats")
                .contains(name);

        HttpResponse<String> again = agent.post("/chats/" + visitor.chatId() + "/accept", form("_csrf", token));
        assertThat(agent.redirectTarget(again)).isEqualTo("/chats");
        assertThat(agent.get("/chats").body()).contains("Questa chat non è più in attesa");

        HttpResponse<String> nowhere = agent.post("/chats/" + visitor.chatId() + "/transfer", form("_csrf", token));
        assertThat(agent.redirectTarget(nowhere)).isEqualTo("/chats/" + visitor.chatId());
        assertThat(agent.get("/chats/" + visitor.chatId()).body()).contains("Scegli un operatore o un gruppo");

        long group = api.post(
                        "/api/v1/groups",
                        Desk.ADMIN,
                        Api.object("name", Api.unique("Fatturazione"), "members", java.util.List.of(person.id())))
                .json()
                .get("id")
                .asLong();
        HttpResponse<String> transferred =
                agent.post("/chats/" + visitor.chatId() + "/transfer", form("_csrf", token, "to", "group:" + group));
        assertThat(agent.redirectTarget(transferred)).isEqualTo("/chats");
        assertThat(visitors.status(visitor)).isEqualTo("waiting");

        agent.post("/chats/" + visitor.chatId() + "/accept", form("_csrf", token));
        HttpResponse<String> ended = agent.post("/chats/" + visitor.chatId() + "/end", form("_csrf", token));
        assertThat(agent.redirectTarget(ended)).isEqualTo("/chats/" + visitor.chatId());
        assertThat(visitors.status(visitor)).isEqualTo("ended");
        String over = agent.get("/chats/" + visitor.chatId()).body();
        assertThat(over).contains("Chat terminata.").doesNotContain("id=\"chat-body\"");
    }

    private Browser signedIn(Desk.Person person) {
        Browser browser = new Browser(port);
        HttpResponse<String> signIn = browser.signIn(person.email(), person.password());
        assertThat(signIn.statusCode()).as("signed in").isEqualTo(302);
        assertThat(browser.redirectTarget(signIn)).doesNotContain("error");
        return browser;
    }
}
