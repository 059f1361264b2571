package it.sportello.portal;

import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.support.Api;
import it.sportello.support.BrowserTest;
import it.sportello.support.BrowserTestCase;
import it.sportello.support.Desk;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** A customer's whole visit to the portal in a real browser, in Italian and in English, on a laptop and a phone. */
@BrowserTest
class PortalBrowserTests extends BrowserTestCase {

    @Test
    void aCustomerSignsUpOpensARequestWithAFileAndReplies() throws Exception {
        String email = Api.unique("chiara") + "@example.it";
        String earlier = Api.unique("Consegna in ritardo");
        desk.ticketFor(email, earlier);
        WebDriver browser = openBrowser("it");

        go(browser, "/portal/login");
        screenshot(browser, "portal-login-it");
        browser.findElement(By.linkText("Registrati")).click();
        waitFor(browser, By.id("name")).sendKeys("Chiara Esposito");
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys("corta");
        screenshot(browser, "portal-signup-it");
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        assertThat(waitFor(browser, By.id("password-error")).getText())
                .isEqualTo("La password deve avere almeno 10 caratteri.");
        assertThat(browser.findElement(By.id("name")).getAttribute("value")).isEqualTo("Chiara Esposito");
        browser.findElement(By.id("password")).sendKeys("una frase lunga e facile");
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();

        waitUntil(browser, ExpectedConditions.urlToBe(url("/portal")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Le mie richieste");
        assertThat(browser.findElement(By.cssSelector(".portal-requests")).getText())
                .contains(earlier)
                .contains("In lavorazione");

        browser.findElement(By.linkText("Nuova richiesta")).click();
        String subject = Api.unique("Fattura di marzo");
        waitFor(browser, By.id("subject")).sendKeys(subject);
        browser.findElement(By.id("description"))
                .sendKeys("Buongiorno, non ho ricevuto la fattura di marzo. Potete mandarmela?");
        Path receipt = Files.createTempFile("ricevuta-", ".txt");
        Files.writeString(receipt, "Ordine 1234 del 3 marzo", StandardCharsets.UTF_8);
        browser.findElement(By.id("attachments")).sendKeys(receipt.toString());
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();

        assertThat(waitFor(browser, By.cssSelector(".alert.info")).getText())
                .startsWith("Abbiamo ricevuto la tua richiesta. Il numero di riferimento è #");
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains(subject);
        assertThat(browser.findElement(By.cssSelector(".portal-files")).getText())
                .contains(receipt.getFileName().toString());

        browser.findElement(By.linkText("← Torna alle mie richieste")).click();
        waitFor(browser, By.cssSelector(".portal-requests"));
        assertThat(browser.findElement(By.cssSelector(".portal-requests li:first-child"))
                        .getText())
                .contains(subject);
        screenshot(browser, "portal-list-it");

        long id = Long.parseLong(browser.findElement(By.cssSelector(".portal-requests li:first-child .portal-ref"))
                .getText()
                .replaceAll("\\D", ""));
        Desk.Person agent = desk.agent();
        assertThat(api.post(
                                "/api/v1/tickets/" + id + "/messages",
                                agent.token(),
                                Api.object("body", "Gentile Chiara, gliela inviamo oggi stesso per e-mail."))
                        .status())
                .isEqualTo(201);
        browser.findElement(By.partialLinkText(subject)).click();
        assertThat(waitFor(browser, By.cssSelector(".portal-message.desk")).getText())
                .contains("Test agent · Servizio clienti")
                .contains("gliela inviamo oggi stesso");
        browser.findElement(By.id("body")).sendKeys("Grazie, aspetto la fattura.");
        browser.findElement(By.cssSelector(".portal-reply button[type=submit]")).click();
        assertThat(waitFor(browser, By.cssSelector(".alert.info")).getText()).isEqualTo("Risposta inviata.");
        assertThat(browser.findElements(By.cssSelector(".portal-message.mine")))
                .hasSize(2)
                .last()
                .satisfies(m -> assertThat(m.getText()).contains("Grazie, aspetto la fattura."));
        ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
        screenshot(browser, "portal-request-it");

        browser.manage().window().setSize(new Dimension(390, 844));
        go(browser, "/portal");
        waitFor(browser, By.cssSelector(".portal-requests"));
        screenshot(browser, "portal-list-phone-it");

        browser.manage().window().setSize(new Dimension(1280, 900));
        go(browser, "/portal?lang=en");
        assertThat(waitFor(browser, By.tagName("h1")).getText()).isEqualTo("My requests");
        assertThat(browser.findElement(By.cssSelector(".portal-requests")).getText())
                .contains("In progress");
        screenshot(browser, "portal-list-en");
    }
}
