package it.sportello.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.support.ApiTestCase;
import it.sportello.support.Browser;
import it.sportello.support.Desk;
import it.sportello.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/** The frame around every page: navigation by role and a language switch that keeps the page. */
@IntegrationTest
class LayoutTests extends ApiTestCase {

    @Test
    void switchesLanguageOnTheSamePageKeepingItsQuery() {
        String page = new Browser(port).get("/contact?lang=en&from=help").body();

        assertThat(page)
                .contains("href=\"/contact?from=help&amp;lang=it\"")
                .contains("href=\"/contact?from=help&amp;lang=en\"");
    }

    @Test
    void showsNoNavigationToSomeoneSignedOut() {
        String page = new Browser(port).get("/contact").body();

        assertThat(page).doesNotContain("href=\"/inbox\"").doesNotContain("href=\"/portal\"");
    }

    @Test
    void showsAnAgentTheInboxButNotTheAdminPages() {
        String page = signedIn(desk.agent()).get("/inbox").body();

        assertThat(page).contains("href=\"/inbox\"").doesNotContain("href=\"/admin/users\"");
    }

    @Test
    void showsAnAdminTheAdminPages() {
        String page = signedIn(desk.user("admin")).get("/inbox").body();

        assertThat(page)
                .contains("href=\"/admin/users\"")
                .contains("href=\"/admin/groups\"")
                .contains("href=\"/admin/tokens\"")
                .contains("href=\"/admin/audit\"");
    }

    @Test
    void showsACustomerTheirRequestsOnly() {
        String page = signedIn(desk.customer()).get("/contact").body();

        assertThat(page).contains("href=\"/portal\"").doesNotContain("href=\"/inbox\"");
    }

    private Browser signedIn(Desk.Person person) {
        Browser browser = new Browser(port);
        browser.signIn(person.email(), person.password());
        return browser;
    }
}
