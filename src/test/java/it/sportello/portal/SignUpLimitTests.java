package it.sportello.portal;

import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.support.Api;
import it.sportello.support.ApiTestCase;
import it.sportello.support.Desk;
import it.sportello.support.IntegrationTest;
import it.sportello.support.MovableClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/** One client address may create only so many accounts an hour (three in this test's settings). */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Import(PortalMailSettings.class)
@TestPropertySource(properties = PortalMailSettings.MAIL_HOST)
class SignUpLimitTests extends ApiTestCase {

    /** Moved forward test after test, so one test's requests never count against the next; back at the end. */
    @Autowired
    MovableClock clock;

    @AfterAll
    void backToNow() {
        clock.reset();
    }

    private static final String PASSWORD = "una-password-lunga";

    @Test
    void refusesSignUpsFromOneAddressOverTheHourlyAllowance() {
        clock.advance(Duration.ofHours(2));
        PortalVisitor visitor = new PortalVisitor(port);
        assertThat(visitor.signUp("", "non-valido", "corta", "it").statusCode())
                .as("an incomplete form counts for nothing")
                .isEqualTo(400);
        for (int i = 1; i <= PortalMailSettings.SIGN_UPS_PER_ADDRESS; i++) {
            HttpResponse<String> signedUp = new PortalVisitor(port).signUp("Persona " + i, email(), PASSWORD, "it");
            assertThat(signedUp.statusCode()).as("sign-up " + i).isEqualTo(302);
        }
        String email = email();

        HttpResponse<String> refused = visitor.signUp("Una di troppo", email, PASSWORD, "it");

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.body())
                .contains("Troppe registrazioni da questa rete in poco tempo.")
                .contains("value=\"Una di troppo\"");
        assertThat(api.get("/api/v1/users?email=" + email, Desk.ADMIN)
                        .json()
                        .get("total")
                        .asLong())
                .isZero();

        clock.advance(Duration.ofHours(1));
        assertThat(visitor.signUp("Una di troppo", email, PASSWORD, "it").statusCode())
                .as("an hour later")
                .isEqualTo(302);
    }

    private static String email() {
        return Api.unique("iscrizione") + "@example.it";
    }
}
