package it.sportello.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.shared.SupportedLocale;
import it.sportello.support.Api;
import it.sportello.support.BrowserTest;
import it.sportello.support.BrowserTestCase;
import it.sportello.support.Desk;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A visitor searches the help center, opens an answer and says it did not help, with a comment;
 * an agent finds the comment in the report. In Italian and English, on a laptop and a phone.
 */
@BrowserTest
class HelpCenterBrowserTests extends BrowserTestCase {

    @Autowired
    FaqCatalog catalog;

    @Test
    void aVisitorSearchesOpensAnAnswerVotesNoWithACommentAndAnAgentReadsItInTheReport() {
        Faqs faqs = new Faqs(catalog);
        Category shipping = faqs.category("Spedizioni", "Shipping");
        String id = faqs.entry(
                "spedizioni/traccia",
                FaqStatus.PUBLISHED,
                Visibility.PUBLIC,
                shipping,
                Map.of(
                        SupportedLocale.IT,
                        Faqs.content(
                                "<p>Apri <strong>I miei ordini</strong> e segui il link del corriere. Il codice arriva"
                                        + " anche per e-mail il giorno della partenza.</p>",
                                "Come traccio la mia spedizione?",
                                "Dov'è il mio pacco?",
                                "Codice di tracciamento"),
                        SupportedLocale.EN,
                        Faqs.content(
                                "<p>Open <strong>My orders</strong> and follow the courier's link.</p>",
                                "How do I track my shipment?",
                                "Where is my parcel?")));
        faqs.entry(
                "spedizioni/costi",
                FaqStatus.PUBLISHED,
                Visibility.PUBLIC,
                shipping,
                Map.of(
                        SupportedLocale.IT,
                        Faqs.content("<p>Gratis sopra i 50 euro.</p>", "Quanto costa la spedizione?"),
                        SupportedLocale.EN,
                        Faqs.content("<p>Free above 50 euros.</p>", "How much does shipping cost?")));
        String comment = Api.unique("Non dice cosa fare se il link del corriere non funziona");
        WebDriver browser = openBrowser("it");

        go(browser, "/help");
        assertThat(waitFor(browser, By.tagName("h1")).getText()).isEqualTo("Centro assistenza");
        assertThat(browser.findElement(By.cssSelector(".help-categories")).getText())
                .contains("Spedizioni");
        screenshot(browser, "help-home-it");
        WebElement box = browser.findElement(By.id("help-q"));
        box.sendKeys("spedizioni");
        WebElement live = waitUntil(
                browser, ExpectedConditions.presenceOfNestedElementLocatedBy(By.id("help-live"), By.cssSelector("a")));
        assertThat(browser.findElement(By.id("help-live")).getText()).contains("Come traccio la mia spedizione?");
        assertThat(live).isNotNull();
        screenshot(browser, "help-live-it");
        box.sendKeys(Keys.ENTER);
        waitUntil(browser, ExpectedConditions.urlContains("/help/search"));
        assertThat(waitFor(browser, By.tagName("h1")).getText()).isEqualTo("Risultati per «spedizioni»");
        screenshot(browser, "help-search-it");

        browser.findElement(By.linkText("Come traccio la mia spedizione?")).click();
        waitUntil(browser, ExpectedConditions.urlContains("/help/faq/" + id));
        assertThat(waitFor(browser, By.tagName("h1")).getText()).isEqualTo("Come traccio la mia spedizione?");
        assertThat(browser.findElement(By.cssSelector(".help-variants")).getText())
                .contains("Dov'è il mio pacco?");
        WebElement commentBox = browser.findElement(By.id("feedback-comment"));
        assertThat(commentBox.isDisplayed()).as("the comment opens with a No").isFalse();
        screenshot(browser, "help-faq-it");
        browser.findElement(By.cssSelector("[data-feedback-no]")).click();
        waitUntil(browser, ExpectedConditions.visibilityOf(commentBox));
        browser.findElement(By.id("feedback-text")).sendKeys(comment);
        screenshot(browser, "help-faq-comment-it");
        browser.findElement(By.cssSelector("#feedback-comment button[type=submit]"))
                .click();
        assertThat(waitFor(browser, By.cssSelector("#feedback .alert.info")).getText())
                .isEqualTo("Grazie per il tuo parere!");
        screenshot(browser, "help-faq-thanks-it");

        browser.manage().window().setSize(new Dimension(390, 844));
        go(browser, "/help");
        waitFor(browser, By.id("help-q"));
        screenshot(browser, "help-home-phone-it");
        go(browser, "/help/faq/" + id);
        waitFor(browser, By.id("feedback"));
        browser.findElement(By.cssSelector("[data-feedback-no]")).click();
        ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, document.body.scrollHeight)");
        screenshot(browser, "help-faq-phone-it");

        browser.manage().window().setSize(new Dimension(1280, 900));
        go(browser, "/help?lang=en");
        assertThat(waitFor(browser, By.tagName("h1")).getText()).isEqualTo("Help center");
        assertThat(browser.findElement(By.cssSelector(".help-categories")).getText())
                .contains("Shipping");
        screenshot(browser, "help-home-en");
        go(browser, "/help/categories/" + shipping.slug());
        assertThat(waitFor(browser, By.cssSelector(".help-hits")).getText())
                .contains("How do I track my shipment?")
                .contains("How much does shipping cost?");
        screenshot(browser, "help-category-en");
        browser.findElement(By.linkText("How do I track my shipment?")).click();
        assertThat(waitFor(browser, By.cssSelector("#feedback h2")).getText()).isEqualTo("Was this helpful?");
        browser.findElement(By.cssSelector("[data-feedback-yes]")).click();
        assertThat(waitFor(browser, By.cssSelector("#feedback .alert.info")).getText())
                .isEqualTo("Thank you for your feedback!");
        screenshot(browser, "help-faq-thanks-en");

        go(browser, "/contact?lang=it");
        waitFor(browser, By.id("subject")).sendKeys("traccio spedizione");
        waitFor(browser, By.cssSelector("#contact-suggestions a"));
        assertThat(browser.findElement(By.id("contact-suggestions")).getText())
                .contains("Come traccio la mia spedizione?");
        String visit = browser.findElement(By.id("suggestionToken")).getAttribute("value");
        assertThat(browser.findElement(By.cssSelector("#contact-suggestions a")).getAttribute("href"))
                .as("the suggestion carries the visit's token")
                .endsWith("?suggested=" + visit);
        screenshot(browser, "help-contact-suggestions-it");

        Desk.Person agent = desk.agent();
        WebDriver staff = openBrowser("it");
        signIn(staff, agent, "/login");
        go(staff, "/knowledge/report");
        WebElement row = waitFor(staff, By.id("entry-faq-" + id.replace('/', '_')));
        assertThat(row.getText())
                .contains("Come traccio la mia spedizione?")
                .contains(comment)
                .contains("50 %");
        screenshot(staff, "knowledge-report-it");
        go(staff, "/knowledge/report?lang=en");
        assertThat(waitFor(staff, By.tagName("h1")).getText()).isEqualTo("Help center report");
        screenshot(staff, "knowledge-report-en");
        staff.manage().window().setSize(new Dimension(390, 844));
        go(staff, "/knowledge/report?lang=it");
        waitFor(staff, By.id("entries"));
        screenshot(staff, "knowledge-report-phone-it");
    }
}
