package it.sportello.automation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;

import it.sportello.support.Api;
import it.sportello.support.BrowserTest;
import it.sportello.support.BrowserTestCase;
import it.sportello.support.Desk;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * In a real browser: a supervisor reads the automations page and writes a macro (first with a
 * mistake, shown beside the field), and an agent applies it from the ticket page: the reply lands
 * in the box for review with its status, and the ticket's tags change at once.
 */
@BrowserTest
class AutomationBrowserTests extends BrowserTestCase {

    @Test
    void aSupervisorWritesAMacroAndAnAgentAppliesItFromTheTicketPage() {
        Desk.Person supervisor = desk.supervisor();
        WebDriver browser = openBrowser("it");
        signIn(browser, supervisor, "/login");
        go(browser, "/admin/automations");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Automazioni");
        assertThat(browser.findElement(By.id("time-rules")).getText()).contains("Promemoria: in attesa da 5 giorni");
        screenshot(browser, "automation-page-it");

        browser.findElement(By.linkText("Nuova macro")).click();
        waitFor(browser, By.id("name"));
        String name = Api.unique("Reso accettato");
        browser.findElement(By.id("name")).sendKeys(name);
        new Select(browser.findElement(By.id("actions0.type"))).selectByValue("add_tags");
        browser.findElement(By.cssSelector("main .actions button[type=submit]")).click();
        waitFor(browser, By.id("actions[0].value-error"));
        assertThat(browser.findElement(By.id("actions[0].value-error")).getText())
                .isEqualTo("Valore mancante o non valido per questa riga.");
        screenshot(browser, "automation-macro-errors-it");

        browser.findElement(By.id("replyIt"))
                .sendKeys("Ciao {{customer.name}}, il reso di «{{ticket.subject}}» è accettato.");
        browser.findElement(By.id("replyEn")).sendKeys("Hello {{customer.name}}, your return is accepted.");
        browser.findElement(By.id("actions0.value")).sendKeys("reso-accettato");
        new Select(browser.findElement(By.id("actions1.type"))).selectByValue("set_status");
        browser.findElement(By.id("actions1.value")).sendKeys("pending");
        browser.findElement(By.cssSelector("main .actions button[type=submit]")).click();
        waitUntil(browser, textToBePresentInElementLocated(By.cssSelector(".alert.info"), "Macro salvata."));
        assertThat(browser.findElement(By.id("macros")).getText()).contains(name);

        Desk.Person agent = desk.agent();
        long ticketId = desk.ticket("Reso " + name).get("id").asLong();
        WebDriver agentBrowser = openBrowser("it");
        signIn(agentBrowser, agent, "/login");
        go(agentBrowser, "/tickets/" + ticketId);
        WebElement choice = waitFor(agentBrowser, By.id("macro-choice"));
        new Select(choice).selectByVisibleText(name);
        agentBrowser
                .findElement(By.cssSelector(".macro-picker button[type=submit]"))
                .click();
        waitUntil(agentBrowser, textToBePresentInElementLocated(By.cssSelector(".macro-status"), "applicata"));

        assertThat(agentBrowser.findElement(By.id("reply-body")).getDomProperty("value"))
                .isEqualTo("Ciao Cliente di prova, il reso di «Reso " + name + "» è accettato.");
        assertThat(new Select(agentBrowser.findElement(By.id("reply-status")))
                        .getFirstSelectedOption()
                        .getDomProperty("value"))
                .isEqualTo("pending");
        waitUntil(
                agentBrowser,
                driver -> driver.findElement(By.id("prop-tags"))
                        .getDomProperty("value")
                        .contains("reso-accettato"));
        screenshot(agentBrowser, "automation-macro-applied-it");
    }
}
