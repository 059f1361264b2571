package it.sportello.identity;

import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.support.ApiTestCase;
import it.sportello.support.Browser;
import it.sportello.support.Desk;
import it.sportello.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The bell counts one's unread notices, the page lists them in the reader's language, opening one follows its link. */
@IntegrationTest
class NotificationPagesTests extends ApiTestCase {

    private static final Pattern NOTICE = Pattern.compile("id=\"notice-(\\d+)\"");

    @Autowired
    Notifications notifications;

    Desk.Person agent;
    Browser browser;

    @BeforeEach
    void signIn() {
        agent = desk.agent();
        browser = new Browser(port);
        assertThat(browser.signIn(agent.email(), agent.password()).statusCode()).isEqualTo(302);
    }

    @Test
    void theBellCountsUnreadNoticesAndThePageReadsThemInTheReadersLanguage() {
        notifications.notify(
                new UserId(agent.id()), "chat.ticket.subject", List.of("Ordine 1234"), "/tickets/" + Long.MAX_VALUE);

        assertThat(browser.get("/notifications/badge").body())
                .contains("class=\"nav-badge\"")
                .contains(">1<")
                .contains("1 notifica da leggere");
        assertThat(browser.get("/notifications").body()).contains("Chat: Ordine 1234");
        assertThat(browser.get("/notifications/badge?lang=en").body()).contains("1 unread notification");
        assertThat(browser.get("/inbox").body())
                .as("every staff page carries the bell")
                .contains("id=\"nav-notifications\"");
    }

    @Test
    void aNoticeWhoseTextWantsANumberStillShows() {
        notifications.notify(new UserId(agent.id()), "notifications.badge", List.of("7"), null);

        assertThat(browser.get("/notifications").body()).contains("7 notifiche da leggere");
    }

    @Test
    void openingANoticeFollowsItsLinkAndCountsItRead() {
        notifications.notify(new UserId(agent.id()), "notifications.title", List.of(), "/inbox?view=mine");
        String page = browser.get("/notifications").body();
        long id = lastNotice(page);

        HttpResponse<String> opened =
                browser.post("/notifications/" + id + "/open", Browser.form("_csrf", Browser.csrfToken(page)));

        assertThat(browser.redirectTarget(opened)).endsWith("/inbox?view=mine");
        assertThat(notifications.unread(new UserId(agent.id()))).isZero();
    }

    @Test
    void anotherPersonsNoticeIsNotFoundAndALinkElsewhereIsNotFollowed() {
        Desk.Person colleague = desk.agent();
        notifications.notify(new UserId(colleague.id()), "notifications.title", List.of(), "/inbox");
        long theirs =
                notifications.latest(new UserId(colleague.id()), 1).getFirst().id();
        notifications.notify(new UserId(agent.id()), "notifications.title", List.of(), "//evil.example/x");
        String page = browser.get("/notifications").body();
        String csrf = Browser.csrfToken(page);

        assertThat(browser.post("/notifications/" + theirs + "/open", Browser.form("_csrf", csrf))
                        .statusCode())
                .isEqualTo(404);
        assertThat(notifications.unread(new UserId(colleague.id()))).isEqualTo(1);
        assertThat(browser.redirectTarget(
                        browser.post("/notifications/" + lastNotice(page) + "/open", Browser.form("_csrf", csrf))))
                .endsWith("/notifications");
    }

    @Test
    void theApiListsAndMarksReadOnlyTheCallersNotices() {
        notifications.notify(new UserId(agent.id()), "chat.ticket.subject", List.of("Reso 77"), "/tickets/1");

        var list = api.get("/api/v1/notifications", agent.token());
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().get("unread").asLong()).isEqualTo(1);
        assertThat(list.json().get("items").get(0).get("text").asString()).isEqualTo("Chat: Reso 77");
        long id = list.json().get("items").get(0).get("id").asLong();

        assertThat(api.post(
                                "/api/v1/notifications/" + id + "/read",
                                desk.agent().token(),
                                null)
                        .status())
                .isEqualTo(404);
        assertThat(api.post("/api/v1/notifications/" + id + "/read", agent.token(), null)
                        .json()
                        .get("read")
                        .asBoolean())
                .isTrue();
        assertThat(api.get("/api/v1/notifications", desk.customer().token()).status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/notifications", null).status()).isEqualTo(401);
    }

    private static long lastNotice(String page) {
        Matcher m = NOTICE.matcher(page);
        assertThat(m.find()).as("a notice on the page").isTrue();
        return Long.parseLong(m.group(1));
    }
}
