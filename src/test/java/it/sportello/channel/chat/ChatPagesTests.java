package it.sportello.channel.chat;

import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.sla.CalendarDefinition;
import it.sportello.sla.Calendars;
import it.sportello.support.Api;
import it.sportello.support.ApiTestCase;
import it.sportello.support.Browser;
import it.sportello.support.Desk;
import it.sportello.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The chat's pages over HTTP: the visitor's page and the widget's script for anyone, framable by
 * other sites; the admin's settings page with its errors beside the fields, a conflict when two
 * admins save at once, and closed to agents.
 */
@IntegrationTest
class ChatPagesTests extends ApiTestCase {

    private Browser admin() {
        Browser admin = new Browser(port);
        assertThat(admin.redirectTarget(admin.signIn("admin@sportello.test", "admin-password-for-tests")))
                .isEqualTo("/");
        return admin;
    }

    @Test
    void theVisitorPageAndTheWidgetScriptAreForAnyoneAndMayBeFramedByOtherSites() {
        Browser anyone = new Browser(port);
        HttpResponse<String> page = anyone.get("/chat?lang=en");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Chat support", "stomp.umd.min.js", "/js/chat.js");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("frame-ancestors *");
        assertThat(page.headers().firstValue("X-Frame-Options")).isEmpty();
        assertThat(anyone.cookie("JSESSIONID")).as("no session for visitors").isEmpty();

        HttpResponse<String> widget = anyone.get("/chat/widget.js");
        assertThat(widget.statusCode()).isEqualTo(200);
        assertThat(widget.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/javascript");
        JsonNode settings = api.get("/api/v1/chats/settings", Desk.ADMIN).json();
        assertThat(widget.body())
                .contains("\"colour\":\"" + settings.get("colour").asString() + "\"", "/chat?embed=true");

        // Staff pages keep refusing frames.
        assertThat(anyone.get("/login")
                        .headers()
                        .firstValue("Content-Security-Policy")
                        .orElseThrow())
                .contains("frame-ancestors 'self'");
    }

    @Test
    void anAdminChangesTheChatSettingsAndSeesErrorsBesideTheFields() {
        Browser admin = admin();
        HttpResponse<String> page = admin.get("/admin/chat?lang=en");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Chat settings", "/chat/widget.js");
        String version = value(page.body(), "version");

        String csrf = Browser.csrfToken(page.body());
        HttpResponse<String> wrong =
                admin.post("/admin/chat?lang=en", fields(csrf, version, "#zz0000", "25:00", "", "MONDAY"), Map.of());
        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(wrong.body()).contains("A time such as 09:00.");

        HttpResponse<String> saved = admin.post(
                "/admin/chat", fields(csrf, version, "#123abc", "08:30", "19:00", "MONDAY", "TUESDAY"), Map.of());
        assertThat(admin.redirectTarget(saved)).isEqualTo("/admin/chat");
        JsonNode settings = api.get("/api/v1/chats/settings", Desk.ADMIN).json();
        assertThat(settings.get("colour").asString()).isEqualTo("#123abc");
        assertThat(settings.get("openFrom").asString()).startsWith("08:30");
        assertThat(settings.get("openDays").toString())
                .contains("MONDAY", "TUESDAY")
                .doesNotContain("SUNDAY");

        HttpResponse<String> stale =
                admin.post("/admin/chat?lang=en", fields(csrf, version, "#000000", "09:00", "", "MONDAY"), Map.of());
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("Someone else changed the settings meanwhile");

        restoreAlwaysOpen();
    }

    @Autowired
    Calendars calendars;

    @Autowired
    ChatSetup setup;

    @Test
    void theChatMayKeepTheHoursOfABusinessCalendar() {
        String name = "Chat chiusa " + System.nanoTime();
        long closed = calendars
                .create(name, new CalendarDefinition("Europe/Rome", Map.of(), false, Set.of(), Map.of()))
                .id()
                .value();
        try {
            assertThat(putCalendar(closed).status()).isEqualTo(200);
            assertThat(setup.withinHours()).as("a calendar that never opens").isFalse();
            assertThat(admin().get("/admin/chat").body()).contains(name);

            assertThat(putCalendar(2L).status()).isEqualTo(200);
            assertThat(setup.withinHours())
                    .as("\"Sempre aperto\", out of the box")
                    .isTrue();

            Api.Reply unknown = putCalendar(Long.MAX_VALUE);
            assertThat(unknown.status()).isEqualTo(400);
            assertThat(unknown.body()).contains("calendarId");
            assertThat(api.get("/api/v1/chats/settings", Desk.ADMIN)
                            .json()
                            .get("calendarId")
                            .asLong())
                    .isEqualTo(2L);
        } finally {
            restoreAlwaysOpen();
        }
    }

    private Api.Reply putCalendar(Long calendarId) {
        Map<String, Object> settings = new java.util.HashMap<>(tools.jackson.databind.json.JsonMapper.builder()
                .build()
                .convertValue(api.get("/api/v1/chats/settings", Desk.ADMIN).json(), Map.class));
        settings.put("calendarId", calendarId);
        return api.sendJson("PUT", "/api/v1/chats/settings", Desk.ADMIN, settings);
    }

    @Test
    void agentsCannotOpenTheChatSettings() {
        Desk.Person agent = desk.agent();
        Browser browser = new Browser(port);
        browser.signIn(agent.email(), agent.password());
        assertThat(browser.get("/admin/chat").statusCode()).isEqualTo(403);
        assertThat(api.get("/api/v1/chats/settings", agent.token()).status()).isEqualTo(403);
    }

    private void restoreAlwaysOpen() {
        JsonNode current = api.get("/api/v1/chats/settings", Desk.ADMIN).json();
        Map<String, Object> open = new java.util.HashMap<>(
                tools.jackson.databind.json.JsonMapper.builder().build().convertValue(current, Map.class));
        open.put("openDays", List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"));
        open.put("openFrom", "00:00");
        open.put("openTo", null);
        open.put("calendarId", null);
        assertThat(api.sendJson("PUT", "/api/v1/chats/settings", Desk.ADMIN, open)
                        .status())
                .isEqualTo(200);
    }

    private static List<Map.Entry<String, String>> fields(
            String csrf, String version, String colour, String from, String to, String... days) {
        List<Map.Entry<String, String>> fields = new ArrayList<>(List.of(
                Map.entry("_csrf", csrf),
                Map.entry("version", version),
                Map.entry("enabled", "true"),
                Map.entry("colour", colour),
                Map.entry("position", "left"),
                Map.entry("greetingIt", "Ciao!"),
                Map.entry("greetingEn", "Hello!"),
                Map.entry("openFrom", from),
                Map.entry("openTo", to)));
        for (String day : days) {
            fields.add(Map.entry("openDays", day));
        }
        return fields;
    }

    private static String value(String html, String name) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                        "name=\"" + name + "\"[^>]*value=\"([^\"]*)\"|value=\"([^\"]*)\"[^>]*name=\"" + name + "\"")
                .matcher(html);
        assertThat(m.find()).as("field " + name).isTrue();
        return m.group(1) != null ? m.group(1) : m.group(2);
    }
}
