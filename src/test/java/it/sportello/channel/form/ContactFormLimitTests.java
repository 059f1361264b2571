package it.sportello.channel.form;

import static it.sportello.support.Browser.form;
import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.support.Api;
import it.sportello.support.Browser;
import it.sportello.support.Launch;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The per-address limit of the contact form, on a desk of its own configured as an operator
 * would (the shared test desk lifts the limit, since every test calls from 127.0.0.1).
 */
class ContactFormLimitTests {

    private static final String TOKEN = "sp_contact-limit-token-0123456789";

    @TempDir
    Path dataDir;

    Launch.Running app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void refusesTheThirdSubmissionFromOneAddressAndKeepsWhatWasWritten() {
        app = Launch.start(
                Launch.memoryDatabase(),
                dataDir,
                "sportello.contact.max-per-address=2",
                "sportello.contact.window=PT15M",
                "sportello.admin.email=admin@limite.example",
                "sportello.admin.password=password-amministratore",
                "sportello.api-token=" + TOKEN);
        Browser visitor = app.browser();
        String prefix = Api.unique("Raffica");
        for (int i = 1; i <= 2; i++) {
            assertThat(send(visitor, prefix + " " + i).statusCode())
                    .as("submission " + i)
                    .isEqualTo(302);
        }

        HttpResponse<String> refused = send(visitor, prefix + " 3");

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("900");
        assertThat(refused.body()).contains("Hai inviato troppi messaggi").contains("value=\"" + prefix + " 3\"");
        String query = URLEncoder.encode(prefix, StandardCharsets.UTF_8);
        assertThat(app.api()
                        .get("/api/v1/tickets?q=" + query, TOKEN)
                        .json()
                        .get("total")
                        .asInt())
                .isEqualTo(2);
    }

    private static HttpResponse<String> send(Browser visitor, String subject) {
        String token = Browser.csrfToken(visitor.get("/contact").body());
        return visitor.post(
                "/contact",
                form("email", "raffica@example.it", "subject", subject, "message", "Testo", "_csrf", token));
    }
}
