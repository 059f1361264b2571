package it.sportello.channel.email.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.channel.email.OutgoingMessageIds;
import it.sportello.support.ApiTestCase;
import it.sportello.support.Desk;
import it.sportello.support.IntegrationTest;
import it.sportello.ticket.TicketId;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Replies find their ticket by the desk's signed Message-IDs or the subject tag, and only for
 * the ticket's requester: forged replies open tickets of their own.
 */
@IntegrationTest
class ThreadingTests extends ApiTestCase {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    OutgoingMessageIds messageIds;

    @Autowired
    Threading threading;

    private long ticketId(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return JSON.readTree(response.body()).get("ticketId").asLong();
    }

    private JsonNode ticket(long id) {
        return api.get("/api/v1/tickets/" + id, Desk.ADMIN).json();
    }

    private byte[] reply(String from, String subject, String inReplyTo) {
        return Fixtures.mail(
                "thunderbird-iso-8859-1-reply.eml", "FROM", from, "SUBJECT", subject, "IN_REPLY_TO", inReplyTo);
    }

    private static String email() {
        return "giulia." + Fixtures.unique() + "@example.it";
    }

    @Test
    void aReplyToOurSignedMessageIdJoinsTheTicketAsTheCustomer() {
        String giulia = email();
        long ticket = desk.ticketFor(giulia, "Indirizzo di consegna").get("id").asLong();
        String ours = messageIds.create(new TicketId(ticket), "r1");

        long threaded = ticketId(Fixtures.post(port, Desk.ADMIN, reply(giulia, "Indirizzo di consegna", ours)));

        assertThat(threaded).isEqualTo(ticket);
        JsonNode messages = ticket(ticket).get("messages");
        assertThat(messages).hasSize(2);
        assertThat(messages.get(1).get("author").get("type").asString()).isEqualTo("customer");
        assertThat(messages.get(1).get("internal").asBoolean()).isFalse();
        assertThat(messages.get(1).get("channel").asString()).isEqualTo("email");
        assertThat(messages.get(1).get("body").asString()).contains("però la città di consegna è ancora sbagliata");
    }

    @Test
    void aReplyToASolvedTicketReopensIt() {
        String giulia = email();
        long ticket = desk.ticketFor(giulia, "Reso").get("id").asLong();
        api.patch("/api/v1/tickets/" + ticket, Desk.ADMIN, java.util.Map.of("status", "solved"));
        long threaded = ticketId(
                Fixtures.post(port, Desk.ADMIN, reply(giulia, "Reso", messageIds.create(new TicketId(ticket), "r2"))));
        assertThat(threaded).isEqualTo(ticket);
        assertThat(ticket(ticket).get("status").asString()).isEqualTo("open");
    }

    @Test
    void aForgedMessageIdWithoutOurSignatureThreadsNowhere() {
        String giulia = email();
        long ticket = desk.ticketFor(giulia, "Fattura").get("id").asLong();
        String forged = "<sp." + ticket + ".r3.AAAAAAAAAAAAAAAAAAAAAA@sportello.local>";

        long created = ticketId(Fixtures.post(port, Desk.ADMIN, reply(giulia, "Fattura", forged)));

        assertThat(created).isNotEqualTo(ticket);
        assertThat(ticket(ticket).get("messages")).hasSize(1);
    }

    @Test
    void someoneElseReplyingToOurGenuineMessageIdNeverReachesTheVictimsTicket() {
        String victim = email();
        String attacker = email();
        long ticket = desk.ticketFor(victim, "Dati personali").get("id").asLong();
        String genuine = messageIds.create(new TicketId(ticket), "r4");

        long created = ticketId(Fixtures.post(port, Desk.ADMIN, reply(attacker, "Dati personali", genuine)));

        assertThat(created).isNotEqualTo(ticket);
        assertThat(ticket(ticket).get("messages")).hasSize(1);
        assertThat(ticket(created).get("requester").get("email").asString()).isEqualTo(attacker);
        assertThat(ticket(created)
                        .get("messages")
                        .get(0)
                        .get("author")
                        .get("type")
                        .asString())
                .isEqualTo("customer");
    }

    @Test
    void theSubjectTagThreadsOnlyForTheRequester() {
        String giulia = email();
        long ticket = desk.ticketFor(giulia, "Rimborso").get("id").asLong();
        String tagged = "[#" + ticket + "] Rimborso";

        long threaded = ticketId(Fixtures.post(port, Desk.ADMIN, reply(giulia, tagged, "<unknown@example.it>")));
        assertThat(threaded).isEqualTo(ticket);

        long forged = ticketId(Fixtures.post(port, Desk.ADMIN, reply(email(), tagged, "<unknown@example.it>")));
        assertThat(forged).isNotEqualTo(ticket);
        assertThat(ticket(ticket).get("messages")).hasSize(2);
    }

    @Test
    void onlyAMessageWithOurSignedMessageIdOrASubjectTagMayContinueATicket() {
        String ours = messageIds.create(new TicketId(42), "r5");
        String forged = "<sp.42.r5.AAAAAAAAAAAAAAAAAAAAAA@sportello.local>";

        assertThat(threading.mayContinueATicket(parsed("Re: Reso", List.of("<a@example.it>", ours))))
                .isTrue();
        assertThat(threading.mayContinueATicket(parsed("[#42] Reso", List.of())))
                .isTrue();
        assertThat(threading.mayContinueATicket(parsed("Re: Reso", List.of("<a@example.it>", forged))))
                .isFalse();
        assertThat(threading.mayContinueATicket(parsed("Reso #42", List.of()))).isFalse();
    }

    private static ParsedEmail parsed(String subject, List<String> references) {
        return new ParsedEmail(
                null, null, "giulia@example.it", null, subject, null, references, "testo", null, List.of(), null);
    }
}
