package it.sportello.channel.chat.web;

import static it.sportello.support.Api.object;
import static it.sportello.support.Desk.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;

import it.sportello.channel.chat.ChatSockets;
import it.sportello.channel.chat.VisitorChats;
import it.sportello.support.Api;
import it.sportello.support.BrowserTest;
import it.sportello.support.BrowserTestCase;
import it.sportello.support.Desk;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

/**
 * The chat workspace in a real browser: an agent goes available, hears and sees a chat join the
 * queue, accepts it, reads what the visitor told the bot, answers from the composer (also with a
 * canned reply), sees the visitor type and write without reloading, transfers the chat to a
 * colleague and ends another; in Italian and in English.
 */
@BrowserTest
class ChatDeskBrowserTests extends BrowserTestCase {

    private VisitorChats visitors;

    @BeforeEach
    void visitors() {
        visitors = new VisitorChats(api);
    }

    @Test
    void anAgentTakesAChatFromTheQueueAndTalksWithTheVisitorLive() throws Exception {
        Desk.Person giulia = staff("Giulia Rossi");
        Desk.Person marco = staff("Marco Bianchi");
        WebDriver browser = openBrowser("it");
        signIn(browser, giulia, "/login");
        go(browser, "/chats");
        browser.findElement(By.cssSelector("label.choice:has(#availability-available)"))
                .click();
        WebElement capacity = browser.findElement(By.id("capacity"));
        capacity.clear();
        capacity.sendKeys("2");
        browser.findElement(By.cssSelector(".availability-form button[type=submit]"))
                .click();
        waitUntil(browser, textToBePresentInElementLocated(By.id("availability-state"), "Ora ricevi chat."));
        awaitLive(browser);
        // Browsers play sound only for a page the person has used: a click, as an agent would.
        browser.findElement(By.cssSelector(".chat-desk-head h1")).click();
        waitUntil(browser, driver -> "on".equals(page(driver).getAttribute("data-sound")));

        String name = Api.unique("Ada");
        VisitorChats.Visitor visitor = visitors.waiting(name, Api.unique("ada") + "@example.com");

        By row = By.cssSelector("#chat-lists li[data-chat-id='" + visitor.chatId() + "']");
        waitFor(browser, row);
        assertThat(browser.findElement(row).getText()).contains(name).contains("entrata in coda");
        waitUntil(
                browser,
                driver -> !driver.findElement(By.id("nav-chat-badge")).getText().isBlank());
        assertThat(Integer.parseInt(browser.findElement(By.id("queue-badge")).getText()))
                .isPositive();
        assertThat(browser.getTitle()).startsWith("(");
        assertThat(page(browser).getAttribute("data-beeps"))
                .as("a beep for the new chat")
                .isNotNull();
        screenshot(browser, "chat-desk-queue-it");

        browser.findElement(row)
                .findElement(By.cssSelector("form.accept button"))
                .click();
        waitUntil(browser, driver -> driver.getCurrentUrl().endsWith("/chats/" + visitor.chatId()));
        awaitLive(browser);
        WebElement transcript = browser.findElement(By.id("chat-transcript"));
        assertThat(transcript.findElement(By.cssSelector(".line-visitor")).getText())
                .contains("Vorrei parlare con un operatore");
        assertThat(transcript.findElements(By.cssSelector(".line-system")))
                .extracting(WebElement::getText)
                .anySatisfy(text -> assertThat(text).contains("Ora ti risponde Giulia Rossi."));
        ((JavascriptExecutor) browser).executeScript("window.sameDocument = true;");

        WebElement body = browser.findElement(By.id("chat-body"));
        body.sendKeys("Buongiorno, sono Giulia: come posso aiutarla?");
        body.sendKeys(Keys.ENTER);
        waitUntil(
                browser,
                textToBePresentInElementLocated(
                        By.cssSelector("#chat-transcript li.line-agent:not(.pending)"), "come posso aiutarla?"));
        assertThat(browser.findElements(By.cssSelector("#chat-transcript li.pending")))
                .isEmpty();
        assertThat(lines(visitor)).contains("Buongiorno, sono Giulia: come posso aiutarla?");

        try (ChatSockets.Connection socket = ChatSockets.visitor(port, visitor.chatId(), visitor.token())) {
            socket.send("/app/chats/" + visitor.chatId() + "/typing", Map.of("typing", true));
            waitFor(browser, By.id("chat-typing"));
            assertThat(browser.findElement(By.id("chat-typing")).getText()).isEqualTo("Il visitatore sta scrivendo…");
        }
        visitors.say(visitor, "Il mio ordine 4512 non è ancora arrivato");
        waitUntil(browser, textToBePresentInElementLocated(By.id("chat-transcript"), "ordine 4512"));
        assertThat(((JavascriptExecutor) browser).executeScript("return window.sameDocument === true;"))
                .as("no reload")
                .isEqualTo(true);
        waitUntil(browser, driver -> !driver.findElement(By.id("chat-typing")).isDisplayed());

        browser.findElement(By.xpath("//button[@data-canned and normalize-space()='Verifica in corso']"))
                .click();
        assertThat(browser.findElement(By.id("chat-body")).getAttribute("value"))
                .isEqualTo("Sto controllando, un attimo di pazienza.");
        browser.findElement(By.id("chat-send")).click();
        waitUntil(
                browser,
                textToBePresentInElementLocated(
                        By.cssSelector("#chat-transcript li.line-agent:not(.pending):last-child"), "Sto controllando"));
        assertThat(seqs(browser)).as("in order, each once").isSorted().doesNotHaveDuplicates();
        screenshot(browser, "chat-desk-it");

        new Select(browser.findElement(By.id("transfer-to"))).selectByVisibleText("Marco Bianchi");
        browser.findElement(By.cssSelector(".chat-transfer button[type=submit]"))
                .click();
        waitFor(browser, By.cssSelector("p.alert.info[role=status]"));
        assertThat(browser.findElement(By.cssSelector("p.alert.info[role=status]"))
                        .getText())
                .isEqualTo("Chat trasferita.");
        JsonNode transferred =
                api.get("/api/v1/chats/" + visitor.chatId(), ADMIN).json();
        assertThat(transferred.get("chat").get("agentId").asLong()).isEqualTo(marco.id());
        assertThat(lines(visitor)).contains("La chat passa a Marco Bianchi.");

        VisitorChats.Visitor second = visitors.waiting(Api.unique("Bea"), null);
        awaitLive(browser);
        By secondRow = By.cssSelector("#chat-lists li[data-chat-id='" + second.chatId() + "'] form.accept button");
        waitFor(browser, secondRow).click();
        waitUntil(browser, driver -> driver.getCurrentUrl().endsWith("/chats/" + second.chatId()));
        awaitLive(browser);

        // What the desk refuses comes back with the reason, and the text returns to the box: here a
        // line of nothing but a zero-width space, which the browser cannot tell from text.
        browser.findElement(By.id("chat-body")).sendKeys("\u200B", Keys.ENTER);
        waitFor(browser, By.id("chat-send-error"));
        assertThat(browser.findElement(By.id("chat-send-error")).getText())
                .startsWith("Non inviato: ")
                .isEqualTo("Non inviato: Il messaggio è vuoto o supera 2.000 caratteri.");
        assertThat(browser.findElements(By.cssSelector("#chat-transcript li.pending")))
                .as("only stored lines stay in the transcript")
                .isEmpty();
        assertThat(browser.findElement(By.id("chat-body")).getAttribute("value"))
                .as("the refused text is back in the box")
                .isEqualTo("\u200B");
        assertThat(browser.findElement(By.id("chat-send")).isEnabled()).isTrue();
        browser.findElement(By.id("chat-body")).clear();

        // A supervisor hands the chat to a colleague: the page says so and stops offering to write.
        Api.Reply moved =
                api.post("/api/v1/chats/" + second.chatId() + "/transfer", ADMIN, object("agentId", marco.id()));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        waitFor(browser, By.id("chat-holder"));
        assertThat(browser.findElement(By.id("chat-holder")).getText())
                .isEqualTo("Ora la chat la gestisce Marco Bianchi.");
        waitUntil(browser, driver -> !driver.findElement(By.id("chat-body")).isDisplayed());
        screenshot(browser, "chat-desk-moved-it");
        ((JavascriptExecutor) browser).executeScript("window.beforeHandBack = true;");
        assertThat(api.post("/api/v1/chats/" + second.chatId() + "/transfer", ADMIN, object("agentId", giulia.id()))
                        .status())
                .isEqualTo(200);
        waitUntil(
                browser,
                driver -> ((JavascriptExecutor) driver)
                        .executeScript("return window.beforeHandBack === undefined;")
                        .equals(true));
        waitFor(browser, By.id("chat-body"));
        awaitLive(browser);

        browser.findElement(By.cssSelector(".chat-actions form[action$='/end'] button"))
                .click();
        waitFor(browser, By.cssSelector("p.alert.info[role=status]"));
        assertThat(browser.findElement(By.cssSelector("p.alert.info[role=status]"))
                        .getText())
                .isEqualTo("Chat terminata.");
        assertThat(visitors.status(second)).isEqualTo("ended");
        assertThat(browser.findElements(By.id("chat-body"))).isEmpty();
    }

    @Test
    void readsWellInEnglish() {
        Desk.Person agent = staff("Giulia Rossi");
        VisitorChats.Visitor visitor;
        WebDriver browser = openBrowser("en");
        signIn(browser, agent, "/login");
        go(browser, "/chats");
        browser.findElement(By.cssSelector("label.choice:has(#availability-available)"))
                .click();
        browser.findElement(By.cssSelector(".availability-form button[type=submit]"))
                .click();
        waitUntil(browser, textToBePresentInElementLocated(By.id("availability-state"), "You are now taking chats."));
        visitor = visitors.waiting("Ada Lovelace", "ada.lovelace@example.com");
        go(browser, "/chats/" + visitor.chatId());
        awaitLive(browser);
        WebElement before = page(browser);
        browser.findElement(By.cssSelector(".chat-actions button")).click();
        // Accepting reloads the same address: wait for the new page, not the old one still showing.
        waitUntil(browser, ExpectedConditions.stalenessOf(before));
        awaitLive(browser);
        assertThat(browser.findElement(By.id("availability-title")).getText()).isEqualTo("Availability");
        assertThat(browser.findElement(By.id("mine-title")).getText()).contains("My chats");
        assertThat(browser.findElement(By.id("chat-state")).getText()).isEqualTo("In progress");
        assertThat(browser.findElement(By.cssSelector(".line-visitor .kind")).getText())
                .isEqualToIgnoringCase("Visitor");
        browser.findElement(By.id("chat-body")).sendKeys("Hello Ada, how can I help?");
        browser.findElement(By.id("chat-send")).click();
        waitUntil(
                browser,
                textToBePresentInElementLocated(
                        By.cssSelector("#chat-transcript li.line-agent:not(.pending)"), "how can I help?"));
        screenshot(browser, "chat-desk-en");
    }

    private static WebElement page(WebDriver browser) {
        return browser.findElement(By.cssSelector("main.chat-desk"));
    }

    private void awaitLive(WebDriver browser) {
        waitUntil(browser, driver -> "open".equals(page(driver).getAttribute("data-live")));
    }

    private static java.util.List<Integer> seqs(WebDriver browser) {
        return browser.findElements(By.cssSelector("#chat-transcript li[data-seq]")).stream()
                .map(li -> Integer.parseInt(li.getAttribute("data-seq")))
                .toList();
    }

    private String lines(VisitorChats.Visitor visitor) {
        return visitors.call("GET", visitor, "/lines?after=0", null).body();
    }

    private Desk.Person staff(String name) {
        String email = Api.unique("operatore") + "@sportello.test";
        String password = "password-di-" + email;
        Api.Reply created = api.post(
                "/api/v1/users",
                ADMIN,
                object("email", email, "displayName", name, "role", "agent", "password", password));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return new Desk.Person(created.json().get("id").asLong(), email, null, password);
    }
}
