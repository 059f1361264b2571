package it.sportello.routing;

import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.support.BrowserTest;
import it.sportello.support.BrowserTestCase;
import it.sportello.support.Desk;
import it.sportello.support.SlaDueTimes;
import it.sportello.ticket.TicketManagement;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/** An agent at the queues page in a real browser, and a supervisor at the routing settings. */
@BrowserTest
class QueuesBrowserTests extends BrowserTestCase {

    @Autowired
    TicketManagement tickets;

    RoutingDesk routing;

    @BeforeEach
    void routingDesk() {
        routing = new RoutingDesk(api);
    }

    @Test
    void anAgentSeesTheMostUrgentFirstSetsTheirAvailabilityAndTakesTheNextTicket() {
        Desk.Person agent = desk.agent();
        long group = routing.group(agent);
        long later = routing.ticket(group, "it");
        long soon = routing.ticket(group, "it");
        long overdue = routing.ticket(group, "it");
        long noClock = routing.ticket(group, "it");
        SlaDueTimes.set(tickets, noClock, null);
        SlaDueTimes.set(tickets, later, Instant.now().plus(Duration.ofHours(5)));
        SlaDueTimes.set(tickets, soon, Instant.now().plus(Duration.ofMinutes(20)));
        SlaDueTimes.set(tickets, overdue, Instant.now().minus(Duration.ofMinutes(12)));

        WebDriver browser = openBrowser("it");
        signIn(browser, agent, "/login");
        go(browser, "/queues");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Code");
        WebElement queue = waitFor(browser, By.id("queue-" + group));
        assertThat(queue.getText()).contains("4 in attesa");
        var rows = queue.findElements(By.cssSelector("tbody tr"));
        assertThat(rows.get(0).getText()).contains("#" + overdue).contains("scaduto da");
        assertThat(rows.get(0).getAttribute("class")).contains("due-overdue");
        assertThat(rows.get(1).getText()).contains("#" + soon).contains("scade tra");
        assertThat(rows.get(3).getText()).contains("nessuna scadenza");
        screenshot(browser, "routing-queues-it");

        browser.findElement(By.id("available-email")).click();
        WebElement capacity = browser.findElement(By.id("capacity"));
        capacity.clear();
        capacity.sendKeys("0");
        browser.findElement(By.cssSelector(".routing-availability button[type=submit]"))
                .click();
        assertThat(waitFor(browser, By.id("capacity-error")).getText()).isEqualTo("Scrivi un numero da 1 a 200.");
        screenshot(browser, "routing-queues-availability-error-it");
        capacity = browser.findElement(By.id("capacity"));
        capacity.clear();
        capacity.sendKeys("6");
        browser.findElement(By.cssSelector(".routing-availability button[type=submit]"))
                .click();
        assertThat(waitFor(browser, By.cssSelector("p.alert.info")).getText()).isEqualTo("Disponibilità salvata.");
        assertThat(browser.findElement(By.id("available-email")).isSelected()).isTrue();

        browser.findElement(By.id("take-next")).click();
        waitUntil(browser, ExpectedConditions.urlContains("/tickets/" + overdue));
        assertThat(routing.assigneeOf(overdue)).isEqualTo(agent.id());
    }

    @Test
    void aSupervisorSeesTheRoutingSettingsInEnglish() {
        Desk.Person agent = desk.agent();
        long group = routing.group(agent);
        routing.route(group, "round_robin");
        Desk.Person supervisor = desk.supervisor();

        WebDriver browser = openBrowser("en");
        signIn(browser, supervisor, "/login");
        go(browser, "/admin/routing");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Routing");
        assertThat(browser.findElement(By.id("groups")).getText()).contains("Round-robin");
        screenshot(browser, "routing-admin-en");

        go(browser, "/admin/routing/groups/" + group);
        browser.findElement(By.id("strategy-least_loaded")).click();
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        assertThat(waitFor(browser, By.cssSelector("p.alert.info")).getText()).startsWith("Routing of ");
        screenshot(browser, "routing-admin-saved-en");

        go(browser, "/admin/routing/agents/" + agent.id());
        new org.openqa.selenium.support.ui.Select(
                        browser.findElement(By.id("level-" + routing.skill("language", "en"))))
                .selectByVisibleText("3 · expert");
        browser.findElement(By.id("available-web")).click();
        screenshot(browser, "routing-agent-en");
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        assertThat(waitFor(browser, By.cssSelector("p.alert.info")).getText()).startsWith("Profile of ");
        assertThat(browser.findElement(By.id("agents")).getText()).contains("English · 3");
        ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("document.getElementById('skills').scrollIntoView()");
        screenshot(browser, "routing-skills-en");

        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        go(browser, "/queues?all=true");
        screenshot(browser, "routing-queues-phone-en");
    }
}
