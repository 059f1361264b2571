package it.sportello.identity;

import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.support.Api;
import it.sportello.support.BrowserTest;
import it.sportello.support.BrowserTestCase;
import it.sportello.support.Desk;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** An admin at work in a real browser: a new agent, a token for them (shown once), both in the audit log. */
@BrowserTest
class AdminBrowserTests extends BrowserTestCase {

    /** "1 result", not the end of "21 results": other tests' users share the list. */
    private static final java.util.regex.Pattern ONE_RESULT = java.util.regex.Pattern.compile("(?<!\\d)1 result(?!s)");

    private static final Desk.Person ADMIN =
            new Desk.Person(0, "admin@sportello.test", Desk.ADMIN, "admin-password-for-tests");

    @Test
    void createsAnAgentAndATokenShownOnceAndFindsBothInTheAuditLog() {
        WebDriver browser = openBrowser("it");
        signIn(browser, ADMIN, "/login");
        go(browser, "/admin/users");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Utenti");
        screenshot(browser, "admin-users-it");

        // "n" opens the new-user form, as the shortcut help promises.
        browser.findElement(By.tagName("body")).sendKeys("n");
        waitUntil(browser, ExpectedConditions.urlContains("/admin/users/new"));
        String email = Api.unique("lucia.operatrice") + "@sportello.test";
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.id("displayName")).sendKeys("Lucia Operatrice");
        new Select(browser.findElement(By.id("role"))).selectByVisibleText("Operatore");
        browser.findElement(By.id("password")).sendKeys("corta");
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        WebElement passwordError = waitFor(browser, By.id("password-error"));
        assertThat(passwordError.getText()).contains("almeno 10 caratteri");
        assertThat(browser.findElement(By.id("email")).getAttribute("value")).isEqualTo(email);
        assertThat(browser.findElement(By.id("password")).getAttribute("aria-describedby"))
                .contains("password-error");
        screenshot(browser, "admin-user-error-it");
        browser.findElement(By.id("password")).sendKeys("una-password-iniziale");
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        assertThat(waitFor(browser, By.cssSelector("p.alert.info")).getText()).isEqualTo("Utente creato: " + email);

        browser.findElement(By.linkText("Crea un token API per questo utente")).click();
        waitFor(browser, By.id("name")).sendKeys("Centralino telefonico");
        assertThat(browser.findElement(By.id("owner")).getAttribute("value")).isEqualTo(email);
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        String secret = waitFor(browser, By.id("secret")).getAttribute("value");
        assertThat(secret).startsWith("sp_");
        browser.findElement(By.cssSelector("button[data-copy]")).click();
        waitUntil(browser, ExpectedConditions.textToBe(By.id("copy-status"), "Copiato negli appunti."));
        screenshot(browser, "admin-token-created-it");
        assertThat(api.get("/api/v1/users?exactEmail=" + email, secret).status())
                .as("the token works against the API")
                .isEqualTo(200);
        browser.navigate().refresh();
        assertThat(waitFor(browser, By.cssSelector("main")).getText()).contains("non è più visibile");
        assertThat(browser.findElements(By.id("secret"))).isEmpty();

        go(browser, "/admin/audit?actor=admin@sportello.test");
        String log = waitFor(browser, By.id("audit-results")).getText();
        assertThat(log)
                .contains("Utente creato")
                .contains(email)
                .contains("Token creato")
                .contains("Centralino telefonico");
        screenshot(browser, "admin-audit-it");

        // The action filter narrows the log without a page load (htmx), keeping the address shareable.
        new Select(browser.findElement(By.id("action"))).selectByValue("token.created");
        waitUntil(browser, ExpectedConditions.urlContains("action=token.created"));
        waitUntil(browser, d -> !d.findElement(By.id("audit-results")).getText().contains("Utente creato"));
        assertThat(browser.findElement(By.id("audit-results")).getText()).contains("Centralino telefonico");

        go(browser, "/admin/tokens");
        assertThat(browser.findElement(By.tagName("main")).getText())
                .contains("Centralino telefonico")
                .doesNotContain(secret);
        screenshot(browser, "admin-tokens-it");
        go(browser, "/admin/groups/new");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Lucia Operatrice");
        screenshot(browser, "admin-group-new-it");
    }

    @Test
    void searchesUsersAsTheAdminTypesAndSpeaksEnglish() {
        String marker = Api.unique("digitato");
        desk.user("agent");
        Desk.Person wanted = desk.agent();
        api.patch("/api/v1/users/" + wanted.id(), Desk.ADMIN, Api.object("displayName", "Cercata " + marker));
        WebDriver browser = openBrowser("en");
        signIn(browser, ADMIN, "/login");
        go(browser, "/admin/users");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Users");

        browser.findElement(By.id("q")).sendKeys(marker);
        waitUntil(
                browser,
                d -> ONE_RESULT
                        .matcher(d.findElement(By.id("user-results")).getText())
                        .find());
        assertThat(browser.findElement(By.id("user-results")).getText()).contains("Cercata " + marker);
        // htmx pushes the address after it has swapped the results in.
        waitUntil(browser, d -> d.getCurrentUrl().contains("q=" + marker));
        browser.findElement(By.id("q")).sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        waitUntil(
                browser,
                d -> !ONE_RESULT
                        .matcher(d.findElement(By.id("user-results")).getText())
                        .find());
        screenshot(browser, "admin-users-en");

        browser.manage().window().setSize(new Dimension(390, 844));
        go(browser, "/admin/users?lang=it");
        screenshot(browser, "admin-users-phone-it");
        go(browser, "/admin/audit");
        screenshot(browser, "admin-audit-phone-it");
        assertThat(((Number) ((org.openqa.selenium.JavascriptExecutor) browser)
                                .executeScript("return document.documentElement.scrollWidth"))
                        .intValue())
                .as("nothing wider than the phone")
                .isLessThanOrEqualTo(390);
    }
}
