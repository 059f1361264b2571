package it.sportello.channel.email.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import it.sportello.support.Api;
import it.sportello.support.ApiTestCase;
import it.sportello.support.Desk;
import it.sportello.support.IntegrationTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A desk that has not set up a mail server yet: replies wait in the outbox, untried, for one. */
@IntegrationTest
class OutboxWithoutMailServerTests extends ApiTestCase {

    @Autowired
    OutgoingMailRepository outbox;

    @Test
    void aReplyWaitsQueuedWithoutBeingTried() {
        long id = desk.ticketFor(Api.unique("cliente") + "@example.it", "Senza posta")
                .get("id")
                .asLong();
        Desk.Person agent = desk.agent();

        Api.Reply reply =
                api.post("/api/v1/tickets/" + id + "/messages", agent.token(), Desk.message("Risposta in attesa"));
        assertThat(reply.status()).isEqualTo(201);
        long messageId = reply.json().get("id").asLong();

        await().atMost(Duration.ofSeconds(20)).until(() -> outbox.existsByMessageIdAndKind(messageId, MailKind.REPLY));
        // Several polls of the scheduler later, it is still waiting and nobody counted a try.
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(5))
                .until(() -> outbox.findAll().stream()
                        .filter(mail -> mail.messageId().orElse(0L) == messageId)
                        .allMatch(mail -> mail.status() == MailStatus.QUEUED && mail.attempts() == 0));
    }
}
