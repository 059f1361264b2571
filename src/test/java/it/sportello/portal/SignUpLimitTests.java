package it.sportello.portal;

import static it.sportello.portal.PortalMailSettings.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.support.Api;
import it.sportello.support.ApiTestCase;
import it.sportello.support.Desk;
import it.sportello.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/** One client address may create only so many accounts an hour (three in this test's settings). */
@IntegrationTest
@Import(PortalMailSettings.class)
@TestPropertySource(properties = PortalMailSettings.MAIL_HOST)
class SignUpLimitTests extends ApiTestCase {

    private static final String PASSWORD = "una-password-lunga";

    @Test
    void refusesSignUpsFromOneAddressOverTheHourlyAllowance() {
        CLOCK.advance(Duration.ofHours(2));
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

        CLOCK.advance(Duration.ofHours(1));
        assertThat(visitor.signUp("Una di troppo", email, PASSWORD, "it").statusCode())
                .as("an hour later")
                .isEqualTo(302);
    }

    private static String email() {
        return Api.unique("iscrizione") + "@example.it";
    }
}
