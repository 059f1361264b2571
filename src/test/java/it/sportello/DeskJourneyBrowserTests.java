package it.sportello;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;

import it.sportello.support.Api;
import it.sportello.support.BrowserTest;
import it.sportello.support.BrowserTestCase;
import it.sportello.support.Desk;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * The journeys of the issue, end to end in real browsers: an agent and a customer talking through
 * the workspace and the portal, a visitor writing through the contact form, and the language switch
 * together with a customer who tries another customer's request.
 */
@BrowserTest
class DeskJourneyBrowserTests extends BrowserTestCase {

    @Test
    void anAgentAndACustomerTalkThroughTheInboxTheTicketPageAndThePortal() {
        Desk.Person customer = desk.customer();
        Desk.Person agent = desk.agent();
        String subject = Api.unique("Divano consegnato con un piede rotto");
        long id = desk.ticketFor(customer.email(), subject).get("id").asLong();

        WebDriver desk = openBrowser("it");
        signIn(desk, agent, "/login");
        assertThat(desk.getCurrentUrl()).endsWith("/inbox");
        waitFor(desk, By.id("ticket-" + id));
        desk.findElement(By.cssSelector("#ticket-" + id + " a[href='/tickets/" + id + "']"))
                .click();
        waitUntil(
                desk,
                driver -> "open"
                        .equals(driver.findElement(By.cssSelector("main.ticket-page"))
                                .getAttribute("data-live")));
        desk.findElement(By.id("reply-body"))
                .sendKeys("Buongiorno, ci scusiamo: le mandiamo un piede nuovo entro venerdì.");
        desk.findElement(By.cssSelector(".reply-form button.send")).click();
        assertThat(waitFor(desk, By.cssSelector("p.alert.info[role=status]")).getText())
                .isEqualTo("Risposta inviata.");
        markPage(desk);

        WebDriver portal = openBrowser("it");
        signIn(portal, customer, "/portal/login");
        assertThat(portal.getCurrentUrl()).endsWith("/portal");
        waitFor(portal, By.partialLinkText(subject)).click();
        assertThat(waitFor(portal, By.cssSelector(".portal-message.desk")).getText())
                .contains("le mandiamo un piede nuovo entro venerdì");
        portal.findElement(By.id("body")).sendKeys("Perfetto, grazie! Sarò a casa venerdì mattina.");
        portal.findElement(By.cssSelector(".portal-reply button[type=submit]")).click();
        assertThat(waitFor(portal, By.cssSelector(".alert.info")).getText()).isEqualTo("Risposta inviata.");

        waitUntil(desk, textToBePresentInElementLocated(By.id("timeline-list"), "Sarò a casa venerdì mattina."));
        assertThat(pageIsMarked(desk))
                .as("the answer arrived without reloading the page")
                .isTrue();
    }

    @Test
    void aVisitorWritesThroughTheContactFormAndTheTicketWaitsUnassigned() {
        WebDriver visitor = openBrowser("it");
        go(visitor, "/contact");
        screenshot(visitor, "contact-it");
        String subject = Api.unique("Orari del negozio di Verona");
        visitor.findElement(By.id("name")).sendKeys("Paolo Ferri");
        visitor.findElement(By.id("email")).sendKeys("paolo.ferri@example.it");
        visitor.findElement(By.id("subject")).sendKeys(subject);
        visitor.findElement(By.id("message")).sendKeys("Siete aperti anche la domenica pomeriggio?");
        visitor.findElement(By.cssSelector("main form button[type=submit]")).click();

        String reference = waitFor(visitor, By.id("reference")).getText();
        assertThat(reference).matches("#\\d+");
        assertThat(visitor.findElement(By.tagName("h1")).getText()).isEqualTo("Messaggio ricevuto");
        screenshot(visitor, "contact-sent-it");

        WebDriver desk = openBrowser("it");
        signIn(desk, this.desk.agent(), "/login");
        go(desk, "/inbox?view=unassigned");
        String row = "ticket-" + reference.substring(1);
        assertThat(waitFor(desk, By.id(row)).getText()).contains(subject).contains("Paolo Ferri");

        WebDriver english = openBrowser("en");
        go(english, "/contact");
        assertThat(english.findElement(By.tagName("h1")).getText()).isEqualTo("Contact us");
        screenshot(english, "contact-en");
    }

    @Test
    void theLanguageSwitchChangesTheWholePageAndACustomerCannotOpenAnotherCustomersRequest() {
        Desk.Person agent = desk.agent();
        WebDriver browser = openBrowser("it");
        signIn(browser, agent, "/login");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Posta in arrivo");

        browser.findElement(By.cssSelector("a[hreflang=en]")).click();

        waitUntil(
                browser,
                driver -> "en".equals(driver.findElement(By.tagName("html")).getAttribute("lang")));
        String page = browser.findElement(By.tagName("body")).getText();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Inbox");
        assertThat(page).contains("Sign out").contains("Unassigned");
        assertThat(List.of("Posta in arrivo", "Esci", "Non assegnati", "Tutti aperti", "Cerca", "Filtri"))
                .allSatisfy(italian -> assertThat(page).doesNotContain(italian));
        assertThat(browser.manage().getCookieNamed("sportello-tz"))
                .as("the browser told the desk its time zone, for dates in the reader's zone")
                .isNotNull();

        Desk.Person anna = desk.customer();
        Desk.Person bruno = desk.customer();
        String secret = Api.unique("Fattura di Bruno");
        long brunos = desk.ticketBy(bruno, secret).get("id").asLong();
        WebDriver annas = openBrowser("it");
        signIn(annas, anna, "/portal/login");
        go(annas, "/portal/requests/" + brunos);

        assertThat(annas.findElement(By.tagName("body")).getText())
                .contains("La pagina che cerchi non esiste.")
                .doesNotContain(secret);
    }

    /** Leaves a mark in the page's JavaScript state that a reload would wipe. */
    private static void markPage(WebDriver browser) {
        ((JavascriptExecutor) browser).executeScript("window.sportelloTestMark = 'still here';");
    }

    private static boolean pageIsMarked(WebDriver browser) {
        return "still here".equals(((JavascriptExecutor) browser).executeScript("return window.sportelloTestMark;"));
    }
}
