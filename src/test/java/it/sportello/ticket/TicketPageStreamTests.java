package it.sportello.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.support.ApiTestCase;
import it.sportello.support.Browser;
import it.sportello.support.Desk;
import it.sportello.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

/**
 * The ticket page's live stream when it times out: the end is an asynchronous dispatch that passes
 * through Spring Security again, and it must still find the agent signed in (else the server fails
 * on a response already sent). A stream that ended is simply opened again, as EventSource does.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = "sportello.workspace.live.stream-timeout=1500ms")
class TicketPageStreamTests extends ApiTestCase {

    @Test
    void aStreamThatTimesOutEndsCleanlyAndCanBeOpenedAgain(CapturedOutput output) throws Exception {
        Desk.Person agent = desk.agent();
        long id = desk.ticket("Diretta che scade").get("id").asLong();
        Browser browser = new Browser(port);
        assertThat(browser.signIn(agent.email(), agent.password()).statusCode()).isEqualTo(302);

        for (int attempt = 1; attempt <= 2; attempt++) {
            HttpResponse<String> stream = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(browser.base() + "/tickets/" + id + "/live"))
                                    .timeout(Duration.ofSeconds(15))
                                    .header("Accept", "text/event-stream")
                                    .header(
                                            "Cookie",
                                            "JSESSIONID="
                                                    + browser.cookie("JSESSIONID")
                                                            .orElseThrow())
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());

            assertThat(stream.statusCode()).isEqualTo(200);
            assertThat(stream.body())
                    .as("read to its end: the server closed it when it timed out")
                    .contains("event:hello")
                    .contains("retry:3000")
                    .contains("event:presence");
        }
        // The async dispatch that ends the stream runs after the response; give its log a moment.
        Thread.sleep(300);
        assertThat(output.getAll())
                .doesNotContain("response is already committed")
                .doesNotContain("AccessDeniedException")
                .doesNotContain("AuthorizationDeniedException");
    }
}
