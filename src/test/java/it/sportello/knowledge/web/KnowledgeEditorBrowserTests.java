package it.sportello.knowledge.web;

import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.support.Api;
import it.sportello.support.BrowserTest;
import it.sportello.support.BrowserTestCase;
import it.sportello.support.Desk;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

/**
 * A supervisor writes an FAQ with two ways of asking in a real browser, publishes it, finds it
 * through search, and puts its answer into a ticket reply from the ticket page.
 */
@BrowserTest
class KnowledgeEditorBrowserTests extends BrowserTestCase {

    @Test
    void aSupervisorPublishesAnFaqFindsItAndInsertsItIntoATicketReply() {
        Desk.Person supervisor = desk.supervisor();
        String word = "lavatrice" + Api.unique("").replaceAll("[^a-z]", "");
        String faqId = Api.unique("centrifuga");
        WebDriver browser = openBrowser("it");
        signIn(browser, supervisor, "/login");

        go(browser, "/knowledge");
        browser.findElement(By.linkText("Nuova FAQ")).click();
        waitFor(browser, By.id("faqId")).sendKeys(faqId);
        new Select(browser.findElement(By.id("status"))).selectByValue("PUBLISHED");
        browser.findElement(By.id("tags")).sendKeys("elettrodomestici, centrifuga");
        browser.findElement(By.id("reviewed")).click();
        browser.findElement(By.id("itQuestions-0")).sendKeys("Perché la " + word + " non centrifuga?");
        browser.findElement(By.cssSelector("#it-questions [data-add-question]")).click();
        List<WebElement> rows = browser.findElements(By.cssSelector("#it-questions input[name=itQuestions]"));
        assertThat(rows).as("the empty row and the one added").hasSize(2);
        rows.get(1).sendKeys("La " + word + " resta piena d'acqua");
        browser.findElement(By.id("itAnswer"))
                .sendKeys(
                        "<p>Controlla che il <strong>filtro</strong> non sia intasato.</p><p>Poi riavvia il programma.</p>");
        waitUntil(browser, ExpectedConditions.textToBePresentInElementLocated(By.id("itAnswer-preview"), "intasato"));
        assertThat(browser.findElement(By.cssSelector("#itAnswer-preview strong"))
                        .getText())
                .isEqualTo("filtro");
        screenshot(browser, "knowledge-faq-editor-it");
        browser.findElement(By.cssSelector("form.kb-form button[type=submit]")).click();

        assertThat(waitFor(browser, By.cssSelector("p.alert.info")).getText()).contains(faqId);
        assertThat(browser.findElements(By.cssSelector("#it-questions input[name=itQuestions]")))
                .extracting(e -> e.getAttribute("value"))
                .startsWith("Perché la " + word + " non centrifuga?", "La " + word + " resta piena d'acqua");
        go(browser, "/knowledge?q=" + word);
        assertThat(browser.findElement(By.cssSelector("#faq-results tbody")).getText())
                .contains("Perché la " + word + " non centrifuga?")
                .contains("Pubblicata")
                .contains("Test supervisor");
        screenshot(browser, "knowledge-faqs-it");

        // The help center's own search page is built elsewhere; its API answers the same search.
        JsonNode found = api.get("/api/v1/knowledge/search?locale=it&q=" + word + "+piena+acqua", null)
                .json();
        assertThat(found.get("results").get(0).get("id").asString()).isEqualTo(faqId);

        long ticket = desk.ticket(Api.unique("Lavatrice guasta")).get("id").asLong();
        go(browser, "/tickets/" + ticket);
        browser.findElement(By.id("reply-body")).sendKeys("Buongiorno,");
        browser.findElement(By.cssSelector("#faq-picker summary")).click();
        waitFor(browser, By.id("faq-pick-q")).sendKeys(word + " centrifuga");
        WebElement pick = waitFor(browser, By.cssSelector("#faq-picks [data-faq-insert]"));
        assertThat(pick.getText()).contains("Perché la " + word + " non centrifuga?");
        screenshot(browser, "knowledge-ticket-picker-it");
        pick.click();

        String reply = browser.findElement(By.id("reply-body")).getAttribute("value");
        assertThat(reply)
                .startsWith("Buongiorno,")
                .contains("Controlla che il filtro non sia intasato.")
                .contains("Poi riavvia il programma.")
                .doesNotContain("<p>");
        screenshot(browser, "knowledge-ticket-reply-it");

        go(browser, "/knowledge?lang=en");
        go(browser, "/knowledge?q=" + word);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Frequently asked questions");
        screenshot(browser, "knowledge-faqs-en");
        browser.findElement(By.linkText("Perché la " + word + " non centrifuga?"))
                .click();
        waitFor(browser, By.id("enQuestions-0"));
        ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
        assertThat(browser.findElement(By.cssSelector("label[for=reviewed]")).getText())
                .isEqualTo("Reviewed today");
        screenshot(browser, "knowledge-faq-editor-en");
        go(browser, "/tickets/" + ticket);
        browser.findElement(By.cssSelector("#faq-picker summary")).click();
        assertThat(browser.findElement(By.cssSelector("#faq-picker summary")).getText())
                .isEqualTo("Insert FAQ answer");
        assertThat(browser.findElement(By.linkText("Turn into FAQ")).getAttribute("href"))
                .endsWith("/knowledge/faqs/new?fromTicket=" + ticket);
        screenshot(browser, "knowledge-ticket-picker-en");
    }

    @Test
    void anArticleTranslatedIntoEnglishIsReadInBothLanguages() {
        Desk.Person supervisor = desk.supervisor();
        String slug = "garanzia-" + Api.unique("").replaceAll("[^a-z0-9]", "");
        WebDriver browser = openBrowser("it");
        signIn(browser, supervisor, "/login");

        go(browser, "/knowledge/articles/new");
        waitFor(browser, By.id("slug")).sendKeys(slug);
        browser.findElement(By.id("title")).sendKeys("Come funziona la garanzia");
        new Select(browser.findElement(By.id("status"))).selectByValue("PUBLISHED");
        browser.findElement(By.id("body"))
                .sendKeys("<p>La garanzia dura <strong>due anni</strong>.</p><ul><li>Conserva lo scontrino</li></ul>");
        waitUntil(browser, ExpectedConditions.textToBePresentInElementLocated(By.id("body-preview"), "due anni"));
        browser.findElement(By.cssSelector("form.kb-form button[type=submit]")).click();
        waitFor(browser, By.linkText("Traduci in inglese")).click();
        WebElement englishSlug = waitFor(browser, By.id("slug"));
        englishSlug.clear();
        englishSlug.sendKeys(slug.replace("garanzia", "warranty"));
        browser.findElement(By.id("title")).clear();
        browser.findElement(By.id("title")).sendKeys("How the warranty works");
        browser.findElement(By.id("body")).clear();
        browser.findElement(By.id("body")).sendKeys("<p>The warranty lasts <strong>two years</strong>.</p>");
        new Select(browser.findElement(By.id("status"))).selectByValue("PUBLISHED");
        screenshot(browser, "knowledge-article-translation-it");
        browser.findElement(By.cssSelector("form.kb-form button[type=submit]")).click();
        assertThat(waitFor(browser, By.linkText("Apri la versione italiana")).isDisplayed())
                .isTrue();

        WebDriver visitor = openBrowser("it");
        go(visitor, "/help/articles/" + slug + "?lang=it");
        assertThat(visitor.findElement(By.tagName("h1")).getText()).isEqualTo("Come funziona la garanzia");
        screenshot(visitor, "knowledge-article-public-it");
        visitor.findElement(By.linkText("Read this article in English")).click();
        waitUntil(visitor, ExpectedConditions.textToBe(By.tagName("h1"), "How the warranty works"));
        assertThat(visitor.findElement(By.cssSelector("html")).getAttribute("lang"))
                .isEqualTo("en");
        screenshot(visitor, "knowledge-article-public-en");
        go(browser, "/knowledge/articles?lang=en");
        screenshot(browser, "knowledge-articles-en");
    }
}
