package it.sportello.ticket;

import static it.sportello.support.Api.object;
import static it.sportello.support.Desk.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.support.Api;
import it.sportello.support.BrowserTest;
import it.sportello.support.BrowserTestCase;
import it.sportello.support.Desk;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** An agent works the inbox in a real browser: filters with htmx, acts in bulk, moves with the keyboard. */
@BrowserTest
class InboxBrowserTests extends BrowserTestCase {

    Desk.Person agent;
    String tag;

    @BeforeEach
    void createAgent() {
        agent = desk.agent();
        tag = Api.unique("vetrina");
    }

    @Test
    void filtersActsInBulkAndOpensATicketFromTheKeyboard() {
        long invoice = ticket("Fattura di marzo addebitata due volte", "Marta Esposito", "email", "urgent", List.of());
        long delivery =
                ticket("Il pacco risulta consegnato ma non è arrivato", "Luca Bianchi", "chat", "high", List.of());
        long password = ticket("Non riesco a reimpostare la password", "Sara Colombo", "web", "normal", List.of());
        WebDriver browser = openBrowser("it");
        signIn(browser, agent, "/login");
        go(browser, "/inbox?view=open");
        assertThat(waitFor(browser, By.id("ticket-" + password)).getText())
                .as("the newest ticket made through the API is at the top of the open tickets")
                .contains("Non riesco a reimpostare la password");

        WebElement tagFilter = browser.findElement(By.id("filter-tag"));
        tagFilter.sendKeys(tag, Keys.ENTER);
        waitUntil(browser, ExpectedConditions.urlContains("tag=" + tag));
        settle(
                browser,
                d -> d.findElements(By.cssSelector("#inbox-results tr.inbox-row"))
                                .size()
                        == 3);
        assertThat(browser.getCurrentUrl()).contains("view=open");
        assertThat(rowIds(browser)).containsExactly(password, delivery, invoice);

        new Select(browser.findElement(By.id("filter-priority"))).selectByValue("urgent");
        waitUntil(browser, ExpectedConditions.urlContains("priority=urgent"));
        settle(browser, d -> rowIds(d).equals(List.of(invoice)));
        browser.navigate().back();
        settle(browser, d -> rowIds(d).size() == 3);

        browser.findElement(By.id("inbox-select-all")).click();
        assertThat(browser.findElement(By.id("inbox-selected")).getText()).isEqualTo("3 ticket selezionati");
        browser.findElement(By.id("select-" + password)).click();
        new Select(browser.findElement(By.id("bulk-assignee"))).selectByValue("me");
        browser.findElement(By.cssSelector("button[name=action][value=assign]")).click();
        waitFor(browser, By.cssSelector("#inbox-results .alert.info"));
        assertThat(browser.findElement(By.cssSelector("#inbox-results .alert.info"))
                        .getText())
                .isEqualTo("2 ticket aggiornati.");
        assertThat(browser.findElement(By.cssSelector("#view-mine .view-count")).getText())
                .as("the counts follow the bulk action")
                .isEqualTo("2");
        assertThat(browser.findElement(By.cssSelector("#ticket-" + invoice + " .assignee"))
                        .getText())
                .isEqualTo("Test agent");
        assertThat(browser.findElement(By.id("inbox-selected")).getText()).isEqualTo("Nessun ticket selezionato");
        screenshot(browser, "inbox-it");

        press(browser, "/");
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("inbox-q");
        press(browser, Keys.ESCAPE);
        assertThat(rowIds(browser))
                .as("the tickets just assigned have the latest activity")
                .containsExactly(invoice, delivery, password);
        press(browser, "j");
        press(browser, "j");
        press(browser, "j");
        press(browser, "k");
        assertThat(browser.findElement(By.cssSelector("tr.inbox-row.is-current"))
                        .getAttribute("id"))
                .isEqualTo("ticket-" + delivery);
        press(browser, "x");
        assertThat(browser.findElement(By.id("select-" + delivery)).isSelected())
                .isTrue();
        press(browser, "j");
        press(browser, "?");
        WebElement help = waitFor(browser, By.id("shortcut-help"));
        assertThat(help.getText()).contains("Ticket successivo nella lista").contains("Cerca nei ticket");
        press(browser, Keys.ESCAPE);
        waitUntil(browser, ExpectedConditions.invisibilityOfElementLocated(By.id("shortcut-help")));
        press(browser, "o");
        waitUntil(browser, ExpectedConditions.urlContains("/tickets/" + password));
    }

    @Test
    void looksRightInEnglishAndOnAPhone() {
        ticket("Double charge on the March invoice", "Marta Esposito", "email", "urgent", List.of("billing"));
        ticket("Parcel marked delivered but never arrived", "Luca Bianchi", "chat", "high", List.of("delivery"));
        ticket("Cannot reset my password", "Sara Colombo", "web", "normal", List.of());
        ticket("Richiesta di preventivo per 40 postazioni", "Giorgio Ferri", "phone", "low", List.of("vendite"));

        WebDriver english = openBrowser("en");
        signIn(english, agent, "/login");
        go(english, "/inbox?view=open&tag=" + tag);
        assertThat(waitFor(english, By.tagName("h1")).getText()).isEqualTo("Inbox");
        assertThat(english.findElement(By.cssSelector("#inbox-results h2")).getText())
                .contains("All open");
        screenshot(english, "inbox-en");

        WebDriver phone = openBrowser("it");
        phone.manage().window().setSize(new Dimension(390, 844));
        signIn(phone, agent, "/login");
        go(phone, "/inbox?view=open&tag=" + tag);
        waitFor(phone, By.cssSelector("tr.inbox-row"));
        WebElement firstCard = phone.findElement(By.cssSelector("tr.inbox-row"));
        assertThat(firstCard.getSize().getWidth())
                .as("each ticket is a card as wide as the screen allows")
                .isLessThanOrEqualTo(390);
        assertThat(phone.findElement(By.cssSelector("#inbox-results thead"))
                        .getSize()
                        .getHeight())
                .as("the column headings give way to labels in each card")
                .isLessThanOrEqualTo(1);
        WebElement moreFilters = phone.findElement(By.cssSelector(".more-filters > summary"));
        assertThat(phone.findElement(By.id("filter-tag")).isDisplayed())
                .as("a filter in use keeps the filters open")
                .isTrue();
        moreFilters.click();
        assertThat(phone.findElement(By.id("filter-tag")).isDisplayed()).isFalse();
        assertThat(phone.findElement(By.id("bulk-assignee")).isDisplayed())
                .as("bulk actions wait for a selection on a phone")
                .isFalse();
        screenshot(phone, "inbox-phone-it");
        firstCard.findElement(By.cssSelector("input[name=ids]")).click();
        assertThat(phone.findElement(By.id("bulk-assignee")).isDisplayed()).isTrue();
    }

    private long ticket(String subject, String name, String channel, String priority, List<String> tags) {
        List<String> all = new java.util.ArrayList<>(tags);
        all.add(tag);
        Map<String, Object> body = object(
                "subject",
                subject,
                "customer",
                object("email", Api.unique("cliente") + "@example.it", "name", name),
                "message",
                object("body", "Buongiorno, " + subject),
                "channel",
                channel,
                "priority",
                priority,
                "tags",
                all);
        Api.Reply reply = api.post("/api/v1/tickets", ADMIN, body);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json().get("id").asLong();
    }

    private static List<Long> rowIds(WebDriver browser) {
        return browser.findElements(By.cssSelector("#inbox-results tr.inbox-row")).stream()
                .map(row -> Long.valueOf(row.getAttribute("id").substring("ticket-".length())))
                .toList();
    }

    /** One key, as a person presses it, to whatever has the focus. */
    private static void press(WebDriver browser, CharSequence key) {
        new Actions(browser).sendKeys(key).perform();
    }

    /** Waits for a condition on a list htmx may be swapping meanwhile (a row read mid-swap is read again). */
    private static void settle(WebDriver browser, java.util.function.Function<WebDriver, Boolean> condition) {
        new WebDriverWait(browser, PATIENCE)
                .ignoring(StaleElementReferenceException.class)
                .until(condition::apply);
    }
}
