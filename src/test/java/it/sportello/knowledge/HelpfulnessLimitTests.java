package it.sportello.knowledge;

import static it.sportello.support.Api.object;
import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.shared.SupportedLocale;
import it.sportello.support.Api;
import it.sportello.support.Launch;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The per-address limit of "was this helpful?", on a desk of its own configured as an operator
 * would (the shared test desk lifts it, since every test calls from 127.0.0.1).
 */
class HelpfulnessLimitTests {

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
    void refusesTheThirdVoteFromOneAddressWithinTheWindowAndKeepsOnlyTwo() {
        app = Launch.start(
                Launch.memoryDatabase(),
                dataDir,
                "sportello.help.votes-per-address=2",
                "sportello.help.vote-window=PT10M",
                "sportello.admin.email=admin@voti.example",
                "sportello.admin.password=password-amministratore",
                "sportello.api-token=sp_help-limit-token-0123456789");
        String id = new Faqs(app.context().getBean(FaqCatalog.class))
                .published(SupportedLocale.IT, "<p>Sì.</p>", "Si vota due volte?");
        Api api = app.api();

        for (int i = 1; i <= 2; i++) {
            assertThat(api.post(
                                    "/api/v1/knowledge/feedback",
                                    null,
                                    object("faqId", id, "locale", "it", "helpful", true))
                            .status())
                    .as("vote " + i)
                    .isEqualTo(201);
        }
        Api.Reply refused =
                api.post("/api/v1/knowledge/feedback", null, object("faqId", id, "locale", "it", "helpful", true));

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isEqualTo("600");
        assertThat(refused.contentType()).startsWith("application/problem+json");
        Api.Reply report = api.get("/api/v1/knowledge/feedback/report", "sp_help-limit-token-0123456789");
        assertThat(report.json().get("entries").get(0).get("yes").asInt()).isEqualTo(2);
    }
}
