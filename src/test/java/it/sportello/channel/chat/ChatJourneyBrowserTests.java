package it.sportello.channel.chat;

import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.support.Api;
import it.sportello.support.BrowserTestCase;
import it.sportello.support.Desk;
import it.sportello.support.Launch;
import it.sportello.support.TcpProxy;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

/**
 * The visitor's chat in a real Chromium, against an application of its own with the bot switched
 * on and a small FAQ database: the bot answers an FAQ question; the visitor asks for a person and
 * sees their place in the queue; an agent accepts and replies and the reply appears live; the
 * visitor's network drops (a real TCP path between browser and desk is cut) and comes back with no
 * line lost or shown twice; with nobody available the visitor leaves a message that becomes a ticket.
 */
@Tag("browser")
class ChatJourneyBrowserTests {

    private static final String TOKEN = it.sportello.support.TestSettings.ADMIN_TOKEN;
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @TempDir
    static Path dataDir;

    static Launch.Running app;
    static Api api;
    static Desk desk;

    TcpProxy network;
    final List<WebDriver> browsers = new ArrayList<>();

    @BeforeAll
    static void startWithTheBot() throws Exception {
        app = Launch.start(
                Launch.memoryDatabase(),
                dataDir,
                "sportello.bot.enabled=true",
                "sportello.api-token=" + TOKEN,
                "sportello.admin.email=admin@chat.example",
                "sportello.admin.password=admin-password-for-chat-tests",
                "spring.jpa.properties.hibernate.search.backend.directory.type=local-heap");
        api = app.api();
        desk = new Desk(api);
        String csv = "faq_id,locale,question,answer\n"
                + "tracking,it,Come traccio il mio ordine?,\"Apra I miei ordini e segua il link del corriere.\"\n"
                + "tracking,it,Dov'è il mio pacco?,\"Apra I miei ordini e segua il link del corriere.\"\n"
                + "tracking,it,Dove si trova la mia spedizione?,\"Apra I miei ordini e segua il link del corriere.\"\n"
                + "refund,it,Quando arriva il rimborso?,\"Il rimborso arriva entro 14 giorni dal reso.\"\n"
                + "refund,it,Quanto tempo per avere indietro i soldi?,\"Il rimborso arriva entro 14 giorni dal reso.\"\n"
                + "refund,it,Non ho ancora ricevuto il rimborso,\"Il rimborso arriva entro 14 giorni dal reso.\"\n";
        Api.Reply imported = api.sendRaw("POST", "/api/v1/knowledge/faqs/import", TOKEN, "text/csv", csv, Map.of());
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        long revision = imported.json().get("revision").asLong();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (true) {
            JsonNode status = api.get("/api/v1/bot/status", TOKEN).json();
            if (status.get("state").asString().equals("ready")
                    && status.get("faqVersion").asLong() >= revision) {
                break;
            }
            assertThat(Instant.now()).as("the bot learns the FAQ").isBefore(deadline);
            Thread.sleep(200);
        }
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @AfterEach
    void closeBrowsers() throws Exception {
        browsers.forEach(WebDriver::quit);
        if (network != null) {
            network.close();
        }
    }

    private WebDriver visitorBrowser() throws Exception {
        network = new TcpProxy(app.port());
        WebDriver browser = BrowserTestCase.chromium("it");
        browsers.add(browser);
        browser.get("http://localhost:" + network.port() + "/chat?lang=it");
        return browser;
    }

    private static <T> T waitUntil(WebDriver browser, Function<? super WebDriver, T> condition) {
        // The workspace swaps its lists as chats change: an element found a moment ago may be gone.
        return new WebDriverWait(browser, PATIENCE)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(condition);
    }

    private static void write(WebDriver browser, String text) {
        WebElement input = browser.findElement(By.id("chat-input"));
        input.sendKeys(text);
        browser.findElement(By.cssSelector("#chat-compose button[type=submit]")).click();
    }

    /** The confirmed lines on the visitor's screen, as "author: text", in screen order. */
    @SuppressWarnings("unchecked")
    private static List<String> shownLines(WebDriver browser) {
        return (List<String>) ((JavascriptExecutor) browser)
                .executeScript("return Array.from(document.querySelectorAll('#chat-lines .chat-line[data-seq]'))"
                        + ".map(li => li.classList[1] + ': ' + li.querySelector('.chat-body').textContent.trim());");
    }

    /** The agent writes in the workspace's composer and waits until the desk has stored the line. */
    private static void agentSays(WebDriver desk, String text) {
        WebElement body = desk.findElement(By.id("chat-body"));
        body.sendKeys(text);
        desk.findElement(By.id("chat-send")).click();
        waitUntil(
                desk,
                ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector("#chat-transcript li.line-agent:not(.pending):last-child"), text));
    }

    private static long chatIdOf(WebDriver browser) {
        String stored =
                (String) ((JavascriptExecutor) browser).executeScript("return localStorage.getItem('sportello-chat');");
        assertThat(stored).as("the chat is kept in the browser").isNotNull();
        return tools.jackson.databind.json.JsonMapper.builder()
                .build()
                .readTree(stored)
                .get("chatId")
                .asLong();
    }

    private static Desk.Person availableAgent() {
        Desk.Person agent = desk.agent();
        Api.Reply set = api.sendJson(
                "PUT", "/api/v1/chats/availability", agent.token(), Api.object("available", true, "capacity", 3));
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        return agent;
    }

    @Test
    void theBotAnswersAPersonTakesOverAndNothingIsLostOrDoubledWhenTheNetworkDrops() throws Exception {
        Desk.Person agent = availableAgent();
        WebDriver visitor = visitorBrowser();

        write(visitor, "Come traccio il mio ordine?");
        waitUntil(
                visitor,
                ExpectedConditions.textToBePresentInElementLocated(
                        By.id("chat-lines"), "Apra I miei ordini e segua il link del corriere."));
        WebElement person = waitUntil(
                visitor, ExpectedConditions.elementToBeClickable(By.cssSelector(".chat-answer-actions .secondary")));
        BrowserTestCase.screenshot(visitor, "chat-visitor-bot-answer-it");

        person.click();
        waitUntil(visitor, ExpectedConditions.textToBePresentInElementLocated(By.id("chat-status"), "coda"));
        BrowserTestCase.screenshot(visitor, "chat-visitor-waiting-it");
        long chatId = chatIdOf(visitor);
        // A marker a reload would wipe: what follows must arrive live.
        ((JavascriptExecutor) visitor).executeScript("window.__noReload = true;");

        // The agent, in a browser of their own, takes the chat from the queue and answers.
        WebDriver desk = BrowserTestCase.chromium("it");
        browsers.add(desk);
        desk.get("http://localhost:" + app.port() + "/login");
        desk.findElement(By.id("username")).sendKeys(agent.email());
        desk.findElement(By.id("password")).sendKeys(agent.password());
        desk.findElement(By.cssSelector("form button[type=submit]")).click();
        waitUntil(desk, ExpectedConditions.not(ExpectedConditions.urlContains("login")));
        desk.get("http://localhost:" + app.port() + "/chats");
        waitUntil(desk, driver -> {
            driver.findElement(By.cssSelector("#chat-lists li[data-chat-id='" + chatId + "'] form.accept button"))
                    .click();
            return true;
        });
        waitUntil(desk, driver -> driver.getCurrentUrl().endsWith("/chats/" + chatId));
        waitUntil(
                desk,
                driver -> "open"
                        .equals(driver.findElement(By.cssSelector("main.chat-desk"))
                                .getAttribute("data-live")));
        assertThat(desk.findElement(By.id("chat-transcript")).getText())
                .as("the agent sees the bot's part")
                .contains("Apra I miei ordini e segua il link del corriere.");
        agentSays(desk, "Buongiorno, sono qui.");
        waitUntil(
                visitor,
                ExpectedConditions.textToBePresentInElementLocated(By.id("chat-lines"), "Buongiorno, sono qui."));
        assertThat(((JavascriptExecutor) visitor).executeScript("return window.__noReload === true;"))
                .isEqualTo(true);
        BrowserTestCase.screenshot(desk, "chat-journey-agent-it");

        network.cut();
        waitUntil(visitor, ExpectedConditions.visibilityOfElementLocated(By.id("chat-offline-banner")));
        agentSays(desk, "Prima risposta");
        agentSays(desk, "Seconda risposta");
        write(visitor, "Ci sono ancora?");
        BrowserTestCase.screenshot(visitor, "chat-visitor-offline-it");
        network.restore();

        waitUntil(visitor, ExpectedConditions.textToBePresentInElementLocated(By.id("chat-lines"), "Seconda risposta"));
        waitUntil(visitor, ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".chat-line.pending")));
        waitUntil(visitor, ExpectedConditions.invisibilityOfElementLocated(By.id("chat-offline-banner")));
        BrowserTestCase.screenshot(visitor, "chat-visitor-reconnected-it");

        List<String> shown = shownLines(visitor);
        assertThat(shown)
                .containsSubsequence(
                        "visitor: Come traccio il mio ordine?",
                        "bot: Apra I miei ordini e segua il link del corriere.",
                        "agent: Buongiorno, sono qui.",
                        "agent: Prima risposta",
                        "agent: Seconda risposta");
        assertThat(shown).doesNotHaveDuplicates();
        assertThat(shown.stream().filter(l -> l.equals("visitor: Ci sono ancora?")))
                .hasSize(1);
        JsonNode stored =
                api.get("/api/v1/chats/" + chatId, agent.token()).json().get("lines");
        assertThat(stored.size()).as("the desk stored each line once").isEqualTo(shown.size());
        List<String> sent = new ArrayList<>();
        stored.forEach(
                l -> sent.add(l.get("author").asString() + ": " + l.get("body").asString()));
        assertThat(sent).isEqualTo(shown);

        waitUntil(
                desk, ExpectedConditions.textToBePresentInElementLocated(By.id("chat-transcript"), "Ci sono ancora?"));
        assertThat(desk.findElements(By.xpath("//*[@id='chat-transcript']//li[contains(., 'Ci sono ancora?')]")))
                .as("the agent sees the visitor's message once")
                .hasSize(1);

        visitor.navigate().refresh();
        waitUntil(visitor, driver -> shownLines(driver).size() == shown.size());
        assertThat(shownLines(visitor)).isEqualTo(shown);
    }

    @Test
    void theWidgetOnAnotherSitesPageOpensTheChatInAFrameAndTheBotAnswersThere() throws Exception {
        com.sun.net.httpserver.HttpServer site =
                com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        byte[] page = ("<!DOCTYPE html><html lang=\"it\"><head><meta charset=\"utf-8\"><title>Negozio</title></head>"
                        + "<body><h1>Mobili Rossi</h1><p>Il nostro negozio.</p>"
                        + "<script src=\"http://localhost:" + app.port() + "/chat/widget.js\" defer></script>"
                        + "</body></html>")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        site.createContext("/", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        site.start();
        try {
            WebDriver visitor = BrowserTestCase.chromium("it");
            browsers.add(visitor);
            visitor.get("http://127.0.0.1:" + site.getAddress().getPort() + "/");
            WebElement button = waitUntil(
                    visitor, ExpectedConditions.elementToBeClickable(By.cssSelector("button.sportello-chat-button")));
            assertThat(button.getAttribute("aria-label")).isEqualTo("Apri la chat");
            button.click();
            WebElement frame = waitUntil(
                    visitor,
                    ExpectedConditions.visibilityOfElementLocated(By.cssSelector("iframe.sportello-chat-frame")));
            visitor.switchTo().frame(frame);
            waitUntil(visitor, ExpectedConditions.visibilityOfElementLocated(By.id("chat-input")));
            write(visitor, "Quando arriva il rimborso?");
            waitUntil(
                    visitor,
                    ExpectedConditions.textToBePresentInElementLocated(
                            By.id("chat-lines"), "Il rimborso arriva entro 14 giorni dal reso."));
            visitor.switchTo().defaultContent();
            BrowserTestCase.screenshot(visitor, "chat-widget-on-a-site-it");
        } finally {
            site.stop(0);
        }
    }

    @Test
    void withNobodyToTakeTheChatTheVisitorLeavesAMessageThatBecomesATicket() throws Exception {
        // Closed for chats with a person (the other test leaves an agent available on this desk).
        setChatsWithPeople(false);
        try {
            leaveAMessage();
        } finally {
            setChatsWithPeople(true);
        }
    }

    private static void setChatsWithPeople(boolean enabled) {
        JsonNode current = api.get("/api/v1/chats/settings", TOKEN).json();
        Map<String, Object> settings = new java.util.HashMap<>(
                tools.jackson.databind.json.JsonMapper.builder().build().convertValue(current, Map.class));
        settings.put("enabled", enabled);
        assertThat(api.sendJson("PUT", "/api/v1/chats/settings", TOKEN, settings)
                        .status())
                .isEqualTo(200);
    }

    private void leaveAMessage() throws Exception {
        WebDriver visitor = visitorBrowser();
        write(visitor, "Vorrei parlare con un operatore");
        waitUntil(visitor, ExpectedConditions.visibilityOfElementLocated(By.id("chat-offline")));
        visitor.findElement(By.id("offline-name")).sendKeys("Bea Bianchi");
        String email = Api.unique("bea") + "@example.com";
        visitor.findElement(By.id("offline-email")).sendKeys(email);
        visitor.findElement(By.id("offline-message")).sendKeys("Richiamatemi domani mattina, grazie.");
        BrowserTestCase.screenshot(visitor, "chat-visitor-leave-message-it");
        visitor.findElement(By.cssSelector("#chat-offline button[type=submit]")).click();
        waitUntil(visitor, ExpectedConditions.textToBePresentInElementLocated(By.id("chat-lines"), email));
        waitUntil(visitor, ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#chat-restart button")));
        BrowserTestCase.screenshot(visitor, "chat-visitor-message-left-it");

        long chatId = chatIdOf(visitor);
        JsonNode chat = api.get("/api/v1/chats/" + chatId, TOKEN).json().get("chat");
        assertThat(chat.get("state").asString()).isEqualTo("ended");
        JsonNode ticket = api.get("/api/v1/tickets/" + chat.get("ticketId").asLong(), TOKEN)
                .json();
        assertThat(ticket.toString()).contains("Richiamatemi domani mattina, grazie.");
        assertThat(api.get(
                                "/api/v1/customers/"
                                        + ticket.get("requester").get("id").asLong(),
                                TOKEN)
                        .body())
                .contains(email);
    }
}
