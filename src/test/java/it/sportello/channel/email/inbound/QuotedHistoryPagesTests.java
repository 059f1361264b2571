package it.sportello.channel.email.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.support.ApiTestCase;
import it.sportello.support.Browser;
import it.sportello.support.Desk;
import it.sportello.support.IntegrationTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * A received reply shows what it adds, with the history and signature it repeats folded behind a
 * disclosure, to the desk and to the customer; the API keeps the body whole.
 */
@IntegrationTest
class QuotedHistoryPagesTests extends ApiTestCase {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String NEW_PART = "non Forlimpopoli.";
    private static final String QUOTED = "abbiamo aggiornato";
    private static final String SIGNATURE = "Via Roma 1";

    private long receivedReply(Desk.Person customer) {
        byte[] mail = Fixtures.mail(
                "thunderbird-iso-8859-1-reply.eml",
                "FROM",
                customer.email(),
                "SUBJECT",
                "Indirizzo di consegna " + Fixtures.unique(),
                "IN_REPLY_TO",
                "<unknown-" + Fixtures.unique() + "@sportello.example>");
        HttpResponse<String> posted = Fixtures.post(port, Desk.ADMIN, mail);
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
        return JSON.readTree(posted.body()).get("ticketId").asLong();
    }

    /** The text before the {@code <details>} of the message, and the text inside it. */
    private static String[] foldedParts(String html, String disclosure) {
        int details = html.indexOf("<details class=\"" + disclosure + "\"");
        assertThat(details).as("a disclosure on the page").isPositive();
        int end = html.indexOf("</details>", details);
        return new String[] {html.substring(0, details), html.substring(details, end)};
    }

    @Test
    void theTicketPageShowsTheNewTextAndFoldsTheHistoryAndSignatureBehindADisclosure() {
        Desk.Person customer = desk.customer();
        long ticket = receivedReply(customer);
        Desk.Person agent = desk.agent();
        Browser browser = new Browser(port);
        browser.signIn(agent.email(), agent.password());

        HttpResponse<String> page = browser.get("/tickets/" + ticket);

        assertThat(page.statusCode()).isEqualTo(200);
        String[] parts = foldedParts(page.body(), "entry-original");
        assertThat(parts[0]).contains(NEW_PART).doesNotContain(QUOTED).doesNotContain(SIGNATURE);
        assertThat(parts[1]).contains("Mostra il messaggio completo", NEW_PART, SIGNATURE, QUOTED);
        assertThat(api.get("/api/v1/tickets/" + ticket, Desk.ADMIN)
                        .json()
                        .get("messages")
                        .get(0)
                        .get("body")
                        .asString())
                .contains(NEW_PART, SIGNATURE, QUOTED);
    }

    @Test
    void theCustomerSeesTheirReplyFoldedTheSameWayInThePortal() {
        Desk.Person customer = desk.customer();
        // Their account's customer record exists before the mail comes, as for anyone who used the portal.
        desk.ticketBy(customer, "Prima richiesta");
        long ticket = receivedReply(customer);
        Browser browser = new Browser(port);
        browser.signIn(customer.email(), customer.password());

        HttpResponse<String> page = browser.get("/portal/requests/" + ticket + "?lang=en");

        assertThat(page.statusCode()).isEqualTo(200);
        String[] parts = foldedParts(page.body(), "portal-message-original");
        assertThat(parts[0]).contains(NEW_PART).doesNotContain(QUOTED).doesNotContain(SIGNATURE);
        assertThat(parts[1]).contains("Show the full message", SIGNATURE, QUOTED);
    }

    @Test
    void aMessageWithoutHistoryShowsWholeWithoutADisclosure() {
        Desk.Person customer = desk.customer();
        long ticket = desk.ticketBy(customer, "Senza cronologia").get("id").asLong();
        Desk.Person agent = desk.agent();
        Browser browser = new Browser(port);
        browser.signIn(agent.email(), agent.password());

        HttpResponse<String> page = browser.get("/tickets/" + ticket);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).doesNotContain("<details class=\"entry-original\"");
    }
}
