package it.sportello.identity;

import static it.sportello.support.Api.object;
import static it.sportello.support.Browser.form;
import static it.sportello.support.Desk.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.support.Api;
import it.sportello.support.ApiTestCase;
import it.sportello.support.Browser;
import it.sportello.support.IntegrationTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Signing in with the form at /login, in a browser that keeps its cookies and sees every redirect. */
@IntegrationTest
class LoginTests extends ApiTestCase {

    private static final String PASSWORD = "una-password-sicura";

    Browser browser;

    @BeforeEach
    void setUp() {
        browser = new Browser(port);
    }

    @Test
    void showsTheSignInPageInItalianByDefault() {
        HttpResponse<String> page = browser.get("/login");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body())
                .contains("<html lang=\"it\">")
                .contains("<title>Accedi · Sportello</title>")
                .contains("Il servizio clienti in un unico posto")
                .contains("name=\"username\"")
                .contains("name=\"password\"")
                .doesNotContain("Sign in");
        assertThat(Browser.csrfToken(page.body())).isNotBlank();
    }

    @Test
    void showsTheSignInPageInEnglishWhenAsked() {
        HttpResponse<String> page = browser.get("/login?lang=en");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("<html lang=\"en\">")
                .contains("<title>Sign in · Sportello</title>")
                .contains("Customer service in one place")
                .doesNotContain("Accedi");
    }

    @Test
    void remembersTheLanguageChoiceInACookie() {
        browser.get("/login?lang=en");

        assertThat(browser.cookie("sportello-lang")).hasValue("en");
        assertThat(browser.get("/login").body()).contains("Customer service in one place");

        browser.get("/login?lang=it");
        assertThat(browser.cookie("sportello-lang")).hasValue("it");
        assertThat(browser.get("/login").body()).contains("Il servizio clienti in un unico posto");
    }

    @Test
    void followsTheBrowserLanguageWhenNoChoiceWasMade() {
        HttpResponse<String> page = browser.get("/login", java.util.Map.of("Accept-Language", "en-GB,en;q=0.8"));

        assertThat(page.body()).contains("<html lang=\"en\">");
    }

    @Test
    void signsInWithGoodCredentialsAndLandsAnAgentInTheInbox() {
        String email = user("Lucia Gallo");

        HttpResponse<String> signedIn = browser.signIn(email.toUpperCase(), PASSWORD);

        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(browser.redirectTarget(signedIn)).isEqualTo("/");
        assertThat(browser.redirectTarget(browser.get("/"))).isEqualTo("/inbox");
        HttpResponse<String> inbox = browser.get("/inbox");
        assertThat(inbox.statusCode()).isEqualTo(200);
        assertThat(inbox.body()).contains("Lucia Gallo").doesNotContain("/admin/users");
    }

    @Test
    void sendsAWrongPasswordBackToTheFormWithAnError() {
        String email = user("Piero Sbagliato");

        HttpResponse<String> refused = browser.signIn(email, "password-sbagliata");

        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(browser.redirectTarget(refused)).isEqualTo("/login?error");
        assertThat(browser.get("/login?error").body()).contains("E-mail o password errate.");
        HttpResponse<String> home = browser.get("/");
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(browser.redirectTarget(home)).isEqualTo("/login");
    }

    @Test
    void refusesASignInWithoutTheCsrfToken() {
        String email = user("Senza Token");
        browser.get("/login");

        HttpResponse<String> refused = browser.post("/login", form("username", email, "password", PASSWORD));

        assertThat(refused.statusCode()).isEqualTo(403);
        HttpResponse<String> home = browser.get("/");
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(browser.redirectTarget(home)).isEqualTo("/login");
    }

    @Test
    void sendsAnAnonymousVisitorToTheSignInPage() {
        HttpResponse<String> home = browser.get("/");

        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(browser.redirectTarget(home)).isEqualTo("/login");
    }

    @Test
    void stopsListeningAfterFiveFailedAttemptsForOneAccount() {
        String email = user("Conto Bersagliato");
        for (int attempt = 1; attempt <= 5; attempt++) {
            HttpResponse<String> refused = browser.signIn(email, "tentativo-" + attempt);
            assertThat(refused.statusCode()).as("attempt " + attempt).isEqualTo(302);
            assertThat(browser.redirectTarget(refused)).isEqualTo("/login?error");
        }

        HttpResponse<String> throttled = browser.signIn(email, PASSWORD);

        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).hasValue("900");
        assertThat(throttled.body()).contains("Troppi tentativi falliti");
        assertThat(browser.get("/").statusCode()).as("not signed in").isEqualTo(302);

        Browser other = new Browser(port);
        String someoneElse = user("Altra Persona");
        assertThat(other.redirectTarget(other.signIn(someoneElse, PASSWORD)))
                .as("other accounts from the same address still sign in")
                .isEqualTo("/");
    }

    @Test
    void signsOut() {
        String email = user("Uscita Veloce");
        browser.signIn(email, PASSWORD);
        HttpResponse<String> home = browser.get("/inbox");
        assertThat(home.statusCode()).isEqualTo(200);

        HttpResponse<String> signedOut = browser.post("/logout", form("_csrf", Browser.csrfToken(home.body())));

        assertThat(signedOut.statusCode()).isEqualTo(302);
        assertThat(browser.redirectTarget(signedOut)).isEqualTo("/login?logout");
        assertThat(browser.get("/login?logout").body()).contains("Sei uscito.");
        HttpResponse<String> after = browser.get("/");
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(browser.redirectTarget(after)).isEqualTo("/login");
    }

    /** A fresh agent with a password, so no other test's failed attempts count against it. */
    private String user(String name) {
        String email = Api.unique("accesso") + "@sportello.test";
        Api.Reply created = api.post(
                "/api/v1/users",
                ADMIN,
                object("email", email, "displayName", name, "role", "agent", "password", PASSWORD));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return email;
    }
}
