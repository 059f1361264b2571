package it.sportello.channel.email.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.channel.email.OutgoingMessageIds;
import it.sportello.support.ApiTestCase;
import it.sportello.support.Desk;
import it.sportello.support.IntegrationTest;
import it.sportello.ticket.TicketId;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Bounces, out-of-office replies and list mail through the intake: recorded as automatic, never a conversation. */
@IntegrationTest
class BounceTests extends ApiTestCase {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    OutgoingMessageIds messageIds;

    @Autowired
    InboundLedger ledger;

    private JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    @Test
    void aBounceOfOurMessageBecomesAnInternalNoteAndMarksTheAddressFailingWithoutReopening() {
        String customer = "cliente." + Fixtures.unique() + "@example.it";
        long ticket = desk.ticketFor(customer, "La tua richiesta").get("id").asLong();
        api.patch("/api/v1/tickets/" + ticket, Desk.ADMIN, Map.of("status", "solved"));
        byte[] bounce = Fixtures.mail(
                "bounce-delivery-status.eml",
                "RECIPIENT",
                customer,
                "TICKET",
                String.valueOf(ticket),
                "ORIGINAL",
                messageIds.create(new TicketId(ticket), "b1"));

        HttpResponse<String> response = Fixtures.post(port, Desk.ADMIN, bounce);

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(json(response).get("ticketId").asLong()).isEqualTo(ticket);
        JsonNode after = api.get("/api/v1/tickets/" + ticket, Desk.ADMIN).json();
        assertThat(after.get("status").asString()).isEqualTo("solved");
        JsonNode note = after.get("messages").get(1);
        assertThat(note.get("internal").asBoolean()).isTrue();
        assertThat(note.get("author").get("type").asString()).isEqualTo("system");
        assertThat(note.get("body").asString()).contains(customer, "5.1.1", "User unknown");
        assertThat(ledger.failingReason(customer))
                .hasValueSatisfying(r -> assertThat(r).contains("5.1.1"));
        long intakeId = json(response).get("intakeId").asLong();
        assertThat(api.get("/api/v1/channels/email/inbound/" + intakeId, Desk.ADMIN)
                        .json()
                        .get("automatic")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void aBounceOfAMessageWeDidNotSignIsIgnoredWithTheReason() {
        byte[] bounce = Fixtures.mail(
                "bounce-delivery-status.eml",
                "RECIPIENT",
                "qualcuno@example.it",
                "TICKET",
                "1",
                "ORIGINAL",
                "<sp.1.x.AAAAAAAAAAAAAAAAAAAAAA@sportello.local>");
        JsonNode result = json(Fixtures.post(port, Desk.ADMIN, bounce));
        assertThat(result.get("status").asString()).isEqualTo("ignored");
        assertThat(result.get("reason").asString()).contains("did not send");
        assertThat(ledger.failingReason("qualcuno@example.it")).isEmpty();
        assertThat(ledger.find(result.get("intakeId").asLong()).orElseThrow().automatic())
                .isTrue();
    }

    @Test
    void anOutOfOfficeReplyAndListMailAreRecordedAsAutomatic() {
        for (String fixture : new String[] {"out-of-office.eml", "list-newsletter.eml"}) {
            JsonNode result = json(Fixtures.post(port, Desk.ADMIN, Fixtures.mail(fixture)));
            assertThat(result.get("status").asString()).isEqualTo("processed");
            JsonNode record = api.get(
                            "/api/v1/channels/email/inbound/"
                                    + result.get("intakeId").asLong(),
                            Desk.ADMIN)
                    .json();
            assertThat(record.get("automatic").asBoolean()).as(fixture).isTrue();
        }
        JsonNode person = json(Fixtures.post(port, Desk.ADMIN, Fixtures.mail("outlook-windows-1252.eml")));
        assertThat(api.get(
                                "/api/v1/channels/email/inbound/"
                                        + person.get("intakeId").asLong(),
                                Desk.ADMIN)
                        .json()
                        .get("automatic")
                        .asBoolean())
                .isFalse();
    }

    @Test
    void aReportNamingSomeoneElsesAddressDoesNotMarkItFailing() {
        String customer = "cliente." + Fixtures.unique() + "@example.it";
        String bystander = "altro." + Fixtures.unique() + "@example.it";
        desk.ticketFor(bystander, "Altra richiesta");
        long ticket = desk.ticketFor(customer, "La tua richiesta").get("id").asLong();
        byte[] forged = Fixtures.mail(
                "bounce-delivery-status.eml",
                "RECIPIENT",
                bystander,
                "TICKET",
                String.valueOf(ticket),
                "ORIGINAL",
                messageIds.create(new TicketId(ticket), "b2"));

        JsonNode result = json(Fixtures.post(port, Desk.ADMIN, forged));

        assertThat(result.get("ticketId").asLong()).isEqualTo(ticket);
        assertThat(ledger.failingReason(bystander)).isEmpty();
    }

    @Test
    void anOutOfOfficeAnswerToOurReplyIsANoteAndLeavesThePendingTicketPending() {
        String customer = "paolo." + Fixtures.unique() + "@example.it";
        long ticket = desk.ticketFor(customer, "Preventivo").get("id").asLong();
        api.patch("/api/v1/tickets/" + ticket, Desk.ADMIN, Map.of("status", "pending"));
        byte[] outOfOffice = ("From: Paolo <" + customer + ">\r\nTo: assistenza@sportello.example\r\n"
                        + "Subject: Risposta automatica: Re: [#" + ticket + "] Preventivo\r\n"
                        + "Message-ID: <ooo-" + Fixtures.unique() + "@example.it>\r\n"
                        + "In-Reply-To: " + messageIds.create(new TicketId(ticket), "o1") + "\r\n"
                        + "Auto-Submitted: auto-replied\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
                        + "Sono fuori sede fino a lunedì.\r\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);

        JsonNode result = json(Fixtures.post(port, Desk.ADMIN, outOfOffice));

        assertThat(result.get("ticketId").asLong()).isEqualTo(ticket);
        JsonNode after = api.get("/api/v1/tickets/" + ticket, Desk.ADMIN).json();
        assertThat(after.get("status").asString()).isEqualTo("pending");
        JsonNode note = after.get("messages").get(1);
        assertThat(note.get("internal").asBoolean()).isTrue();
        assertThat(note.get("body").asString()).contains("Sono fuori sede fino a lunedì.", customer);
    }
}
