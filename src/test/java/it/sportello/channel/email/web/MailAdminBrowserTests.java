package it.sportello.channel.email.web;

import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.support.Api;
import it.sportello.support.BrowserTest;
import it.sportello.support.BrowserTestCase;
import it.sportello.support.Desk;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;

/** An admin adds a mailbox in a real browser: a wrong port is pointed out beside the field, then it is saved. */
@BrowserTest
class MailAdminBrowserTests extends BrowserTestCase {

    private static final Desk.Person ADMIN =
            new Desk.Person(0, "admin@sportello.test", Desk.ADMIN, "admin-password-for-tests");

    @Test
    void anAdminFixesAWrongPortAndFindsTheNewMailboxInTheList() {
        WebDriver browser = openBrowser("it");
        signIn(browser, ADMIN, "/login");
        go(browser, "/admin/mailboxes/new");
        String name = Api.unique("Assistenza");
        browser.findElement(By.id("name")).sendKeys(name);
        browser.findElement(By.id("address")).sendKeys("assistenza@negozio.test");
        browser.findElement(By.id("host")).sendKeys("127.0.0.1");
        browser.findElement(By.id("port")).clear();
        browser.findElement(By.id("port")).sendKeys("70000");
        browser.findElement(By.id("username")).sendKeys("assistenza");
        browser.findElement(By.id("password")).sendKeys("una-password");
        // Disabled: the poller never tries this made-up server.
        browser.findElement(By.id("enabled")).click();
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();

        assertThat(waitFor(browser, By.id("port-error")).getText()).contains("da 1 a 65535");
        assertThat(browser.findElement(By.id("port")).getAttribute("aria-describedby"))
                .contains("port-error");
        assertThat(browser.findElement(By.id("name")).getAttribute("value")).isEqualTo(name);
        screenshot(browser, "mail-admin-error-it");

        browser.findElement(By.id("port")).clear();
        browser.findElement(By.id("port")).sendKeys("9");
        browser.findElement(By.id("password")).sendKeys("una-password");
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        assertThat(waitFor(browser, By.cssSelector("p.alert.info")).getText()).contains(name);
        screenshot(browser, "mail-admin-it");

        browser.manage().window().setSize(new Dimension(390, 844));
        go(browser, "/admin/mail-intake");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Posta non recapitata");
        screenshot(browser, "mail-intake-phone-it");
    }
}
