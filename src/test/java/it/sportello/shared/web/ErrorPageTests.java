package it.sportello.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.support.ApiTestCase;
import it.sportello.support.Browser;
import it.sportello.support.Desk;
import it.sportello.support.IntegrationTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** What a person sees when a page cannot be shown: a friendly page in their language, never a trace. */
@IntegrationTest
class ErrorPageTests extends ApiTestCase {

    @Test
    void showsAFriendlyNotFoundPageInItalianAndEnglish() {
        Browser browser = signedIn(desk.agent());

        HttpResponse<String> italian = browser.get("/nessuna-pagina");
        HttpResponse<String> english = browser.get("/no-such-page?lang=en");

        assertThat(italian.statusCode()).isEqualTo(404);
        assertThat(italian.body())
                .contains("<html lang=\"it\">")
                .contains("La pagina che cerchi non esiste.")
                .as("the navigation stays")
                .contains("href=\"/inbox\"");
        assertThat(english.statusCode()).isEqualTo(404);
        assertThat(english.body())
                .contains("<html lang=\"en\">")
                .contains("The page you are looking for does not exist.");
    }

    @Test
    void showsTheNotFoundPageWithItsNavigationForSomethingAPageControllerCannotFind() {
        Browser browser = signedIn(desk.user("admin"));

        HttpResponse<String> missing = browser.get("/admin/users/987654321");

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("La pagina che cerchi non esiste.").contains("href=\"/admin/users\"");
    }

    @Test
    void sendsAnAnonymousVisitorOfAnUnknownPageToSignInRatherThanRevealingWhatExists() {
        Browser browser = new Browser(port);

        assertThat(browser.redirectTarget(browser.get("/nessuna-pagina"))).isEqualTo("/login");
    }

    @Test
    void showsTheForbiddenPageWhenAnAgentOpensAnAdminPage() {
        Desk.Person agent = desk.agent();
        Browser browser = signedIn(agent);

        HttpResponse<String> refused = browser.get("/admin/users");
        HttpResponse<String> english = browser.get("/admin/users?lang=en");

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body())
                .contains("Non hai i permessi per questa pagina.")
                .doesNotContain("Exception");
        assertThat(english.statusCode()).isEqualTo(403);
        assertThat(english.body()).contains("You are not allowed to see this page.");
    }

    @Test
    void showsTheForbiddenPageWhenACustomerOpensTheInbox() {
        Browser browser = signedIn(desk.customer());

        HttpResponse<String> refused = browser.get("/inbox");

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("Non hai i permessi per questa pagina.");
    }

    private Browser signedIn(Desk.Person person) {
        Browser browser = new Browser(port);
        assertThat(browser.redirectTarget(browser.signIn(person.email(), person.password())))
                .isEqualTo("/");
        return browser;
    }
}
