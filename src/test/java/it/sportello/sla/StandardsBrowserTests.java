package it.sportello.sla;

import static it.sportello.support.Api.object;
import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.support.Api;
import it.sportello.support.BrowserTest;
import it.sportello.support.BrowserTestCase;
import it.sportello.support.Desk;
import it.sportello.support.Desk.Person;
import it.sportello.support.MovableClock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A supervisor watches the standards live (the whole desk, then by channel), publishes the charter,
 * and an agent reads it. In Italian and English, on a laptop and a phone.
 */
@BrowserTest
class StandardsBrowserTests extends BrowserTestCase {

    @Autowired
    MovableClock clock;

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void aSupervisorWatchesTheFiguresPublishesTheCharterAndAnAgentReadsIt() {
        Person agent = desk.agent();
        Person supervisor = desk.supervisor();
        // A few chats a day ago: two answered in time, one after 3 minutes; e-mails answered and one waiting.
        clock.advance(Duration.ofDays(-1));
        for (int i = 0; i < 3; i++) {
            long chat = ticket("chat");
            clock.advance(Duration.ofMinutes(i == 2 ? 3 : 1));
            reply(chat, agent);
        }
        for (int i = 0; i < 4; i++) {
            reply(ticket("email"), agent);
        }
        ticket("email");
        clock.reset();

        WebDriver browser = openBrowser("it");
        signIn(browser, supervisor, "/login");
        go(browser, "/standards");
        assertThat(waitFor(browser, By.tagName("h1")).getText()).isEqualTo("Standard di servizio");
        assertThat(browser.findElement(By.id("standards-figures")).getText())
                .contains("Chat risposte entro 2 minuti")
                .contains("Il 90 % delle chat riceve la risposta di un operatore entro 2 minuti.");
        screenshot(browser, "standards-it");

        new Select(browser.findElement(By.id("groupBy"))).selectByValue("channel");
        browser.findElement(By.cssSelector(".standards-filter button")).click();
        waitUntil(browser, ExpectedConditions.urlContains("groupBy=channel"));
        assertThat(waitFor(browser, By.cssSelector(".standard-rows")).getText()).contains("Chat");
        screenshot(browser, "standards-by-channel-it");

        go(browser, "/standards/charter");
        browser.findElement(By.cssSelector(".charter-draft button[type=submit]"))
                .click();
        assertThat(waitFor(browser, By.cssSelector(".alert.info")).getText())
                .isEqualTo("Carta dei servizi pubblicata.");
        screenshot(browser, "standards-charter-it");

        go(browser, "/standards/manage/new");
        waitFor(browser, By.id("name"));
        screenshot(browser, "standards-form-it");

        WebDriver reader = openBrowser("en");
        signIn(reader, agent, "/login");
        go(reader, "/standards/charter");
        assertThat(waitFor(reader, By.tagName("h1")).getText()).isEqualTo("Service charter");
        assertThat(reader.findElement(By.cssSelector(".charter-list")).getText())
                .contains("95 % of requests by e-mail get a first response within 8 business hours.");
        assertThat(reader.findElements(By.cssSelector(".charter-draft"))).isEmpty();
        screenshot(reader, "standards-charter-en");
        go(reader, "/standards?groupBy=agent");
        waitFor(reader, By.id("standards-figures"));
        screenshot(reader, "standards-by-agent-en");
        long order = ticket("web");
        go(reader, "/tickets/" + order);
        waitFor(reader, By.id("milestone-name")).sendKeys("consegna");
        reader.findElement(By.cssSelector(".milestone-form button")).click();
        assertThat(waitFor(reader, By.cssSelector(".milestone-list")).getText()).contains("consegna");
        screenshot(reader, "standards-ticket-milestone-en");
        reader.manage().window().setSize(new Dimension(390, 844));
        go(reader, "/standards?groupBy=channel");
        waitFor(reader, By.id("standards-figures"));
        screenshot(reader, "standards-phone-en");
    }

    private long ticket(String channel) {
        Api.Reply created = api.post(
                "/api/v1/tickets",
                Desk.ADMIN,
                object(
                        "subject",
                        "Richiesta " + channel,
                        "customer",
                        object("email", Api.unique("cliente") + "@example.it"),
                        "message",
                        object("body", "Buongiorno"),
                        "channel",
                        channel));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    private void reply(long ticket, Person agent) {
        assertThat(api.post("/api/v1/tickets/" + ticket + "/messages", agent.token(), object("body", "Eccomi"))
                        .status())
                .isEqualTo(201);
    }
}
