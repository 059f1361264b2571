package it.sportello.identity;

import static it.sportello.support.Api.object;
import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.support.ApiTestCase;
import it.sportello.support.Browser;
import it.sportello.support.Desk;
import it.sportello.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/** A signed-in browser follows what admins do to its account: deactivation, a new role. */
@IntegrationTest
class SessionAccountTests extends ApiTestCase {

    @Test
    void signsOutADeactivatedUserOnTheirNextPage() {
        Desk.Person agent = desk.agent();
        Browser browser = signedIn(agent);
        assertThat(browser.get("/inbox").statusCode()).isEqualTo(200);

        assertThat(api.patch("/api/v1/users/" + agent.id(), Desk.ADMIN, object("active", false))
                        .status())
                .isEqualTo(200);

        assertThat(browser.redirectTarget(browser.get("/inbox"))).isEqualTo("/login");
    }

    @Test
    void appliesANewRoleWithoutSigningInAgain() {
        Desk.Person agent = desk.agent();
        Browser browser = signedIn(agent);
        assertThat(browser.get("/admin/users").statusCode()).isEqualTo(403);

        api.patch("/api/v1/users/" + agent.id(), Desk.ADMIN, object("role", "admin"));
        assertThat(browser.get("/admin/users").statusCode()).as("promoted").isEqualTo(200);

        api.patch("/api/v1/users/" + agent.id(), Desk.ADMIN, object("role", "agent"));
        assertThat(browser.get("/admin/users").statusCode()).as("demoted again").isEqualTo(403);
        assertThat(browser.get("/inbox").statusCode()).isEqualTo(200);
    }

    private Browser signedIn(Desk.Person person) {
        Browser browser = new Browser(port);
        browser.signIn(person.email(), person.password());
        return browser;
    }
}
