package it.sportello.identity;

import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.support.BrowserTest;
import it.sportello.support.BrowserTestCase;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

@BrowserTest
class SignInPageBrowserTests extends BrowserTestCase {

    @Test
    void showsTheSignInPageInTheBrowsersLanguageAndSwitchesOnRequest() {
        WebDriver browser = openBrowser("en");
        go(browser, "/login");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Sign in");
        screenshot(browser, "login-en");
        browser.findElement(By.cssSelector("a[hreflang=it]")).click();
        assertThat(waitFor(browser, By.tagName("h1")).getText()).isEqualTo("Accedi");
        go(browser, "/login");
        assertThat(browser.findElement(By.tagName("h1")).getText())
                .as("remembered in a cookie")
                .isEqualTo("Accedi");
        screenshot(browser, "login-it");
    }
}
