package it.sportello.ticket;

import static it.sportello.support.Api.object;
import static it.sportello.support.Desk.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;

import it.sportello.support.Api;
import it.sportello.support.BrowserTest;
import it.sportello.support.BrowserTestCase;
import it.sportello.support.Desk;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The ticket page in a real browser: a customer's message appears without reloading, two agents
 * on one ticket see each other (and who is typing), the keyboard works, and it reads well in
 * Italian, in English and on a phone.
 */
@BrowserTest
class TicketPageBrowserTests extends BrowserTestCase {

    @Test
    void twoAgentsOnOneTicketSeeTheCustomerAndEachOtherLive() {
        Desk.Person customer = desk.customer();
        long id = conversation(customer);
        Desk.Person anna = staff("Anna Verdi");
        Desk.Person marco = staff("Marco Bianchi");

        WebDriver first = openBrowser("it");
        signIn(first, anna, "/login");
        go(first, "/tickets/" + id);
        awaitLive(first);

        Api.Reply said = api.post(
                "/api/v1/tickets/" + id + "/messages",
                customer.token(),
                object("body", "Ecco la foto dello scontrino."));
        assertThat(said.status()).as(said.toString()).isEqualTo(201);
        waitUntil(first, textToBePresentInElementLocated(By.id("timeline-list"), "Ecco la foto dello scontrino."));
        assertThat(first.getCurrentUrl()).as("no reload").endsWith("/tickets/" + id);

        WebDriver second = openBrowser("it");
        signIn(second, marco, "/login");
        go(second, "/tickets/" + id);
        awaitLive(second);
        waitUntil(
                first, textToBePresentInElementLocated(By.id("presence"), "Marco Bianchi sta guardando questo ticket"));
        waitUntil(second, textToBePresentInElementLocated(By.id("presence"), "Anna Verdi sta guardando questo ticket"));

        second.findElement(By.id("reply-body")).sendKeys("Buongiorno, stiamo verificando");
        waitUntil(
                first, textToBePresentInElementLocated(By.id("presence"), "Marco Bianchi sta scrivendo una risposta"));

        new Actions(first).sendKeys("r").perform();
        WebElement body = first.findElement(By.id("reply-body"));
        waitUntil(first, driver -> body.equals(driver.switchTo().activeElement()));
        assertThat(first.findElement(By.id("mode-reply")).isSelected()).isTrue();
        body.sendKeys("Grazie, abbiamo ricevuto la foto: il rimborso partirà domani.");
        first.manage().window().setSize(new Dimension(1280, 1500));
        ((JavascriptExecutor) first).executeScript("window.scrollTo(0, 0);");
        screenshot(first, "ticket-it");
        first.findElement(By.cssSelector(".reply-form button.send")).click();

        waitFor(first, By.cssSelector("p.alert.info[role=status]"));
        assertThat(first.findElement(By.cssSelector("p.alert.info[role=status]"))
                        .getText())
                .isEqualTo("Risposta inviata.");
        waitUntil(second, textToBePresentInElementLocated(By.id("timeline-list"), "il rimborso partirà domani"));
        assertThat(second.findElement(By.id("reply-body")).getAttribute("value"))
                .as("the other agent's draft survives the live update")
                .isEqualTo("Buongiorno, stiamo verificando");
    }

    @Test
    void theNoteModeLooksDifferentAndTheShortcutsAreListed() {
        long id = conversation(desk.customer());
        WebDriver browser = openBrowser("it");
        signIn(browser, desk.agent(), "/login");
        go(browser, "/tickets/" + id);
        awaitLive(browser);
        String replyColour = background(browser);

        new Actions(browser).sendKeys("n").perform();

        waitUntil(browser, driver -> driver.findElement(By.id("mode-note")).isSelected());
        assertThat(background(browser)).as("note mode changes the box colour").isNotEqualTo(replyColour);
        assertThat(browser.findElement(By.cssSelector(".reply-form button.send"))
                        .getText())
                .isEqualTo("Aggiungi nota interna");
        assertThat(browser.findElement(By.cssSelector(".reply-box .note-only.mode-hint"))
                        .getText())
                .contains("mai il cliente");

        browser.switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.ESCAPE);
        new Actions(browser).sendKeys("?").perform();
        WebElement help = waitFor(browser, By.id("shortcut-help"));
        assertThat(help.getText())
                .contains("Scrivi una risposta al cliente")
                .contains("Scrivi una nota interna")
                .contains("Vai al ticket successivo")
                .contains("Cambia lo stato")
                .contains("Modifica le etichette");
        assertThat(browser.findElement(By.cssSelector("a[data-shortcut=j]")).getAttribute("href"))
                .endsWith("/inbox/next?after=" + id);
    }

    @Test
    void readsWellInEnglishAndOnAPhone() {
        long id = conversation(desk.customer());
        Desk.Person agent = staff("Giulia Rossi");

        WebDriver english = openBrowser("en");
        signIn(english, agent, "/login");
        go(english, "/tickets/" + id);
        awaitLive(english);
        assertThat(english.findElement(By.cssSelector(".entry-note .kind")).getText())
                .isEqualToIgnoringCase("Internal note");
        assertThat(english.findElement(By.id("customer-title")).getText()).isEqualTo("Customer");
        screenshot(english, "ticket-en");

        WebDriver phone = openBrowser("it");
        phone.manage().window().setSize(new Dimension(390, 844));
        signIn(phone, agent, "/login");
        go(phone, "/tickets/" + id);
        awaitLive(phone);
        WebElement conversation = phone.findElement(By.cssSelector(".conversation"));
        WebElement customerPanel = phone.findElement(By.cssSelector(".panel.customer"));
        assertThat(customerPanel.getLocation().getY())
                .as("the sidebar stacks under the conversation")
                .isGreaterThan(conversation.getLocation().getY()
                        + conversation.getSize().getHeight());
        assertThat((Long) ((JavascriptExecutor) phone)
                        .executeScript("return document.documentElement.scrollWidth - window.innerWidth;"))
                .as("nothing wider than the screen")
                .isLessThanOrEqualTo(0L);
        screenshot(phone, "ticket-phone-it");
    }

    /** A ticket with a bit of everything: customer message with a file, a reply, a note, tags. */
    private long conversation(Desk.Person customer) {
        long id = desk.ticketBy(customer, "La stampante non stampa a colori")
                .get("id")
                .asLong();
        Api.Reply file = api.multipart(
                "/api/v1/tickets/" + id + "/messages",
                customer.token(),
                "message",
                object("body", "Allego lo scontrino d'acquisto."),
                Map.of(
                        "f",
                        new Api.FilePart(
                                "scontrino.txt", "text/plain", "Scontrino n. 42".getBytes(StandardCharsets.UTF_8))));
        assertThat(file.status()).as(file.toString()).isEqualTo(201);
        api.post(
                "/api/v1/tickets/" + id + "/messages",
                ADMIN,
                object("body", "Buongiorno, può dirci il modello esatto della stampante?", "status", "pending"));
        api.post(
                "/api/v1/tickets/" + id + "/messages",
                ADMIN,
                object("body", "Cliente con contratto di assistenza: priorità alta.", "type", "note"));
        api.patch(
                "/api/v1/tickets/" + id,
                ADMIN,
                object("priority", "high", "tags", java.util.List.of("stampante", "garanzia")));
        return id;
    }

    private void awaitLive(WebDriver browser) {
        waitUntil(
                browser,
                driver -> "open"
                        .equals(driver.findElement(By.cssSelector("main.ticket-page"))
                                .getAttribute("data-live")));
    }

    private static String background(WebDriver browser) {
        return browser.findElement(By.id("reply")).getCssValue("background-color");
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
