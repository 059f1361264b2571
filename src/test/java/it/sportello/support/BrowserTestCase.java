package it.sportello.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Drives Debian's {@code chromium} through its {@code chromedriver} (never downloads a browser:
 * Selenium Manager stays out because both paths are given). Each test opens as many browsers as it
 * needs with {@link #openBrowser()}; they close after the test. Screenshots land in
 * {@code target/screenshots/}.
 */
public abstract class BrowserTestCase extends ApiTestCase {

    private static final String CHROMIUM = System.getProperty("sportello.test.chromium", "/usr/bin/chromium");
    private static final String CHROMEDRIVER =
            System.getProperty("sportello.test.chromedriver", "/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    protected static final Duration PATIENCE = Duration.ofSeconds(10);

    private final List<WebDriver> browsers = new ArrayList<>();

    /** A fresh browser (own cookies) with a laptop-sized window, speaking {@code language} first. */
    protected WebDriver openBrowser(String language) {
        ChromeDriver driver = chromium(language);
        browsers.add(driver);
        return driver;
    }

    /** Debian's Chromium, headless, with its own profile; the caller quits it. */
    public static ChromeDriver chromium(String language) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-dev-shm-usage",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1280,900",
                "--lang=" + language);
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", language));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }

    protected WebDriver openBrowser() {
        return openBrowser("it");
    }

    @AfterEach
    void closeBrowsers() {
        browsers.forEach(WebDriver::quit);
        browsers.clear();
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    protected void go(WebDriver browser, String path) {
        browser.get(url(path));
    }

    /** Signs in on the staff page ({@code /login}) or, for customers, the portal's. */
    protected void signIn(WebDriver browser, Desk.Person person, String loginPath) {
        go(browser, loginPath);
        browser.findElement(By.id("username")).sendKeys(person.email());
        browser.findElement(By.id("password")).sendKeys(person.password());
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        waitUntil(browser, ExpectedConditions.not(ExpectedConditions.urlContains("login")));
    }

    protected <T> T waitUntil(WebDriver browser, java.util.function.Function<? super WebDriver, T> condition) {
        // A page that re-renders part of itself (htmx) can swap an element between finding and reading it.
        return new WebDriverWait(browser, PATIENCE)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(condition);
    }

    protected WebElement waitFor(WebDriver browser, By locator) {
        return waitUntil(browser, ExpectedConditions.visibilityOfElementLocated(locator));
    }

    /** Saves what the browser shows as {@code target/screenshots/<name>.png}, for people to look at. */
    public static Path screenshot(WebDriver browser, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
