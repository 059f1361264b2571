package it.sportello.identity;

import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.support.Launch;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Guessing API tokens from one address is cut off; the address's valid tokens keep working. */
class AddressThrottleTests {

    private static final String TOKEN = "sp_throttle-test-token-0123456789";

    @TempDir
    Path dataDir;

    @Test
    void unknownTokensGetTooManyRequestsPastTheLimitWhileAValidTokenStillWorks() {
        try (Launch.Running app = Launch.start(
                Launch.memoryDatabase(),
                dataDir,
                "sportello.api-token=" + TOKEN,
                "sportello.login.max-failures-per-address=3")) {
            for (int i = 0; i < 3; i++) {
                assertThat(app.api().get("/api/v1/tickets", "sp_guess-" + i).status())
                        .isEqualTo(401);
            }
            var refused = app.api().get("/api/v1/tickets", "sp_guess-4");
            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.header("Retry-After")).isNotBlank();
            assertThat(refused.contentType()).startsWith("application/problem+json");

            assertThat(app.api().get("/api/v1/tickets", TOKEN).status()).isEqualTo(200);
        }
    }
}
