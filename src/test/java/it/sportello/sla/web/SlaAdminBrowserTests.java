package it.sportello.sla.web;

import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.support.Api;
import it.sportello.support.BrowserTest;
import it.sportello.support.BrowserTestCase;
import it.sportello.support.Desk;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** A supervisor in a real browser: the service levels page, a new policy after a wrong target, moved first. */
@BrowserTest
class SlaAdminBrowserTests extends BrowserTestCase {

    @Test
    void aSupervisorWritesAPolicyAndMovesItFirst() {
        Desk.Person supervisor = desk.supervisor();
        WebDriver browser = openBrowser("it");
        signIn(browser, supervisor, "/login");
        browser.findElement(By.linkText("Livelli di servizio")).click();
        waitUntil(browser, ExpectedConditions.urlContains("/admin/sla"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Livelli di servizio");
        screenshot(browser, "sla-overview-it");

        browser.findElement(By.linkText("Nuova politica")).click();
        String name = Api.unique("Clienti oro");
        waitFor(browser, By.id("name")).sendKeys(name);
        browser.findElement(By.cssSelector("label[for='" + checkbox(browser, "channels", "EMAIL") + "']"))
                .click();
        browser.findElement(By.id("tags")).sendKeys("oro");
        new Select(browser.findElement(By.id("calendarId"))).selectByVisibleText("Orario d'ufficio");
        browser.findElement(By.id("firstResponseMinutes")).sendKeys("0");
        browser.findElement(By.id("resolutionMinutes")).sendKeys("1080");
        List<WebElement> actions = browser.findElements(By.name("escalationAction"));
        new Select(actions.get(0)).selectByVisibleText("Avvisa i supervisori");
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();

        WebElement error = waitFor(browser, By.id("firstResponseMinutes-error"));
        assertThat(error.getText()).isEqualTo("Indica un numero di minuti tra 1 e 527040.");
        assertThat(browser.findElement(By.id("name")).getAttribute("value")).isEqualTo(name);
        screenshot(browser, "sla-policy-error-it");
        browser.findElement(By.id("firstResponseMinutes")).clear();
        browser.findElement(By.id("firstResponseMinutes")).sendKeys("240");
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        assertThat(waitFor(browser, By.cssSelector("p.alert.info")).getText()).isEqualTo("Politica salvata.");

        // Up until it is the first policy tried.
        for (int i = 0; i < 20 && !firstPolicy(browser).equals(name); i++) {
            browser.findElement(By.cssSelector("button[aria-label='Sposta «" + name + "» più in alto']"))
                    .click();
            waitFor(browser, By.id("policies"));
        }
        assertThat(firstPolicy(browser)).isEqualTo(name);
        screenshot(browser, "sla-overview-moved-it");

        List<String> order = new ArrayList<>();
        api.get("/api/v1/sla/policies", Desk.ADMIN)
                .json()
                .forEach(p -> order.add(p.get("name").asString()));
        assertThat(order.getFirst()).isEqualTo(name);
        assertThat(order.getLast()).isEqualTo("Standard");
        // Leave the shared order as it was for other tests: the new policy asks for a tag of its own anyway.
        long id = api.get("/api/v1/sla/policies", Desk.ADMIN)
                .json()
                .get(0)
                .get("id")
                .asLong();
        assertThat(api.delete("/api/v1/sla/policies/" + id, Desk.ADMIN).status())
                .isEqualTo(204);
    }

    @Test
    void theCalendarFormShowsTheOfficeHoursInEnglish() {
        WebDriver browser = openBrowser("en");
        signIn(browser, desk.supervisor(), "/login");
        go(browser, "/admin/sla/calendars/1?lang=en");
        assertThat(waitFor(browser, By.tagName("h1")).getText()).isEqualTo("Business calendar");
        assertThat(browser.findElement(By.id("monday")).getAttribute("value")).isEqualTo("09:00-18:00");
        assertThat(browser.findElement(By.id("saturday")).getAttribute("value")).isEmpty();
        screenshot(browser, "sla-calendar-en");
    }

    @Test
    void theTicketPageShowsItsClocksAndABreachInRed() {
        String tag = Api.unique("sla-pagina");
        Api.Reply policy = api.post(
                "/api/v1/sla/policies",
                Desk.ADMIN,
                Api.object(
                        "name", Api.unique("Un minuto"),
                        "tags", List.of(tag),
                        "calendarId", 2,
                        "firstResponseMinutes", 1,
                        "resolutionMinutes", 600));
        assertThat(policy.status()).as(policy.toString()).isEqualTo(201);
        Api.Reply ticket = api.post(
                "/api/v1/tickets",
                Desk.ADMIN,
                Api.object(
                        "subject", "Rimborso non arrivato",
                        "customer", Api.object("email", Api.unique("cliente") + "@example.it"),
                        "message", Api.object("body", "Aspetto il rimborso da due settimane."),
                        "channel", "email",
                        "tags", List.of(tag)));
        long id = ticket.json().get("id").asLong();
        time.advance(java.time.Duration.ofMinutes(2));
        try {
            WebDriver browser = openBrowser("it");
            signIn(browser, desk.supervisor(), "/login");
            for (int i = 0; i < 100; i++) {
                var sla = api.get("/api/v1/tickets/" + id, Desk.ADMIN).json().get("sla");
                if (sla != null && sla.get("breached").size() == 1) {
                    break;
                }
                sleep();
            }
            go(browser, "/tickets/" + id);
            WebElement late = waitFor(browser, By.cssSelector("#sla-clocks li.breached"));
            assertThat(late.getText()).contains("Prima risposta", "scaduto");
            assertThat(browser.findElement(By.id("sla-clocks")).getText()).contains("Risoluzione entro", "(tra 9 ore)");
            screenshot(browser, "sla-ticket-clocks-it");
        } finally {
            time.reset();
        }
    }

    @org.springframework.beans.factory.annotation.Autowired
    it.sportello.support.MovableClock time;

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String checkbox(WebDriver browser, String name, String value) {
        return browser.findElement(By.cssSelector("input[name='" + name + "'][value='" + value + "']"))
                .getAttribute("id");
    }

    private static String firstPolicy(WebDriver browser) {
        return browser.findElement(By.cssSelector("#policies tbody tr th a")).getText();
    }
}
