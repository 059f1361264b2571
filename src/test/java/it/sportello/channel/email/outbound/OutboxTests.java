package it.sportello.channel.email.outbound;

import static it.sportello.support.Api.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import it.sportello.channel.email.InboundEmailAccepted;
import it.sportello.channel.email.OutgoingMessageIds;
import it.sportello.customer.CustomerId;
import it.sportello.identity.UserId;
import it.sportello.shared.SupportedLocale;
import it.sportello.support.Api;
import it.sportello.support.ApiTestCase;
import it.sportello.support.Desk;
import it.sportello.support.IntegrationTest;
import it.sportello.ticket.AgentReplied;
import it.sportello.ticket.MessageId;
import it.sportello.ticket.TicketId;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Mail to customers through the outbox, against a real (in-process) SMTP server that the tests
 * stop and start: agents' replies with threading headers, acknowledgements of new tickets, and
 * what happens when the server is away.
 */
@IntegrationTest
@Import(OutboxMailSettings.class)
@TestPropertySource(properties = OutboxMailSettings.MAIL_HOST)
class OutboxTests extends ApiTestCase {

    private static final String TICKETS = "/api/v1/tickets";
    private static final String OUTBOX = "/api/v1/channels/email/outbox";
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    OutgoingMessageIds messageIds;

    @Autowired
    OutgoingMailRepository outbox;

    @Autowired
    EmailThreadRepository threads;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void quietOutbox() {
        OutboxMailSettings.setAsideMailQueuedByOtherTests(jdbc);
    }

    @Test
    void anAgentsReplyArrivesOnceInTheCustomersThreadWithHtmlTextAndAttachment() throws Exception {
        String customer = Api.unique("cliente") + "@example.it";
        JsonNode ticket = desk.ticketFor(customer, "Fattura sbagliata");
        long id = ticket.get("id").asLong();
        followUpArrived(ticket, "<cliente-2@example.it>", List.of("<cliente-1@example.it>"));
        Desk.Person agent = desk.agent();

        Api.Reply reply = api.multipart(
                TICKETS + "/" + id + "/messages",
                agent.token(),
                "message",
                object("body", "Ecco la fattura corretta", "html", "<p>Ecco la fattura <strong>corretta</strong></p>"),
                Map.of("file", new Api.FilePart("fattura.txt", "text/plain", "totale 42 euro".getBytes())));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);

        MimeMessage mail = onlyMailTo(customer);
        assertThat(mail.getSubject()).isEqualTo("Re: Fattura sbagliata [#" + id + "]");
        assertThat(mail.getFrom()[0].toString()).isEqualTo(OutboxMailSettings.DESK);
        assertThat(messageIds.ticketOf(mail.getMessageID()))
                .as("our Message-ID is signed for the ticket")
                .contains(new TicketId(id));
        assertThat(mail.getHeader("In-Reply-To", null)).isEqualTo("<cliente-2@example.it>");
        assertThat(mail.getHeader("References", null)).isEqualTo("<cliente-1@example.it> <cliente-2@example.it>");
        List<Part> parts = leaves(mail);
        assertThat(parts)
                .anySatisfy(part -> {
                    assertThat(part.isMimeType("text/plain")).isTrue();
                    assertThat((String) part.getContent()).contains("Ecco la fattura corretta");
                })
                .anySatisfy(part -> {
                    assertThat(part.isMimeType("text/html")).isTrue();
                    assertThat((String) part.getContent()).contains("<strong>corretta</strong>");
                })
                .anySatisfy(part -> {
                    assertThat(part.getFileName()).isEqualTo("fattura.txt");
                    assertThat(new String(part.getInputStream().readAllBytes())).isEqualTo("totale 42 euro");
                });
        assertThat(containsAlternative(mail))
                .as("text and HTML as alternatives")
                .isTrue();
        await().during(Duration.ofMillis(800))
                .atMost(PATIENCE)
                .until(() -> mailsTo(customer).size() == 1);
    }

    @Test
    void anInternalNoteNeverLeaves() throws Exception {
        String customer = Api.unique("cliente") + "@example.it";
        long id = desk.ticketFor(customer, "Consegna in ritardo").get("id").asLong();
        Desk.Person agent = desk.agent();

        Api.Reply note = api.post(
                TICKETS + "/" + id + "/messages",
                agent.token(),
                object("body", "Nota interna: cliente difficile", "type", "note"));
        Api.Reply reply = api.post(TICKETS + "/" + id + "/messages", agent.token(), Desk.message("Arriva domani"));
        assertThat(note.status()).isEqualTo(201);
        assertThat(reply.status()).isEqualTo(201);

        MimeMessage mail = onlyMailTo(customer);
        assertThat(textOf(mail)).contains("Arriva domani").doesNotContain("Nota interna");
        assertThat(outbox.findAll())
                .noneMatch(
                        m -> m.messageId().orElse(0L) == note.json().get("id").asLong());
    }

    @Test
    void theSameReplyAnnouncedTwiceIsMailedOnce() throws Exception {
        String customer = Api.unique("cliente") + "@example.it";
        long id = desk.ticketFor(customer, "Doppio invio").get("id").asLong();
        Desk.Person agent = desk.agent();
        Api.Reply reply = api.post(TICKETS + "/" + id + "/messages", agent.token(), Desk.message("Una volta sola"));
        long messageId = reply.json().get("id").asLong();
        onlyMailTo(customer);

        AgentReplied again = new AgentReplied(
                new TicketId(id), new MessageId(messageId), new UserId(agent.id()), true, Instant.now());
        publish(again);
        publish(again);

        await().during(Duration.ofSeconds(1))
                .atMost(PATIENCE)
                .until(() -> mailsTo(customer).size() == 1);
        assertThat(outbox.findAll())
                .filteredOn(m -> m.messageId().orElse(0L) == messageId)
                .hasSize(1);
    }

    @Test
    void aMailServerThatIsDownDelaysTheReplyButNeverLosesOrDoublesIt() throws Exception {
        String customer = Api.unique("cliente") + "@example.it";
        long id = desk.ticketFor(customer, "Server giù").get("id").asLong();
        Desk.Person agent = desk.agent();
        OutboxMailSettings.stopServer();
        try {
            long started = System.nanoTime();
            Api.Reply reply = api.post(TICKETS + "/" + id + "/messages", agent.token(), Desk.message("Ci siamo"));
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(reply.status()).isEqualTo(201);
            assertThat(took).as("the agent does not wait for the mail server").isLessThan(Duration.ofSeconds(2));
            long messageId = reply.json().get("id").asLong();

            OutgoingMail waiting = await().atMost(PATIENCE)
                    .until(
                            () -> mailFor(messageId),
                            m -> m != null && m.attempts() >= 1 && m.lastError().isPresent());
            assertThat(waiting.status()).isEqualTo(MailStatus.QUEUED);
            assertThat(waiting.nextAttemptAt()).isAfter(Instant.now().minusSeconds(1));
        } finally {
            OutboxMailSettings.startServer();
        }

        MimeMessage mail = onlyMailTo(customer);
        assertThat(textOf(mail)).contains("Ci siamo");
        await().during(Duration.ofSeconds(1))
                .atMost(PATIENCE)
                .until(() -> mailsTo(customer).size() == 1);
        assertThat(outbox.findAll())
                .filteredOn(m -> m.ticketId() == id)
                .singleElement()
                .satisfies(m -> assertThat(m.status()).isEqualTo(MailStatus.SENT));
    }

    @Test
    void aMailThatKeepsFailingIsGivenUpListedForAdminsAndSentWhenRetried() throws Exception {
        String customer = Api.unique("cliente") + "@example.it";
        long id = desk.ticketFor(customer, "Mai consegnata").get("id").asLong();
        Desk.Person agent = desk.agent();
        long messageId;
        long mailId;
        OutboxMailSettings.stopServer();
        try {
            Api.Reply reply = api.post(TICKETS + "/" + id + "/messages", agent.token(), Desk.message("Riprova"));
            messageId = reply.json().get("id").asLong();
            OutgoingMail failed = await().atMost(PATIENCE)
                    .until(() -> mailFor(messageId), m -> m != null && m.status() == MailStatus.FAILED);
            assertThat(failed.attempts()).isEqualTo(OutboxMailSettings.MAX_ATTEMPTS);
            assertThat(failed.lastError())
                    .hasValueSatisfying(error -> assertThat(error).contains("Connect"));
            mailId = failed.id();

            Api.Reply listed = api.get(OUTBOX + "?status=failed&size=100", Desk.ADMIN);
            assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
            assertThat(listed.json()
                            .get("items")
                            .valueStream()
                            .map(item -> item.get("id").asLong()))
                    .contains(mailId);
            assertThat(listed.json()
                            .get("items")
                            .valueStream()
                            .map(item -> item.get("status").asString()))
                    .containsOnly("failed");
            assertThat(api.get(OUTBOX + "?status=failed", agent.token()).status())
                    .as("admins only")
                    .isEqualTo(403);
            assertThat(api.post(OUTBOX + "/" + mailId + "/retry", agent.token(), Map.of())
                            .status())
                    .isEqualTo(403);
        } finally {
            OutboxMailSettings.startServer();
        }
        assertThat(mailsTo(customer))
                .as("nothing arrives on its own once given up")
                .isEmpty();

        Api.Reply retried = api.post(OUTBOX + "/" + mailId + "/retry", Desk.ADMIN, Map.of());

        assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
        assertThat(retried.json().get("status").asString()).isEqualTo("queued");
        assertThat(textOf(onlyMailTo(customer))).contains("Riprova");
        assertThat(api.post(OUTBOX + "/" + mailId + "/retry", Desk.ADMIN, Map.of())
                        .status())
                .as("a sent mail is not sent again")
                .isEqualTo(409);
    }

    @Test
    void aNewTicketByMailIsAcknowledgedInItalianWithTheReferenceAndPromisedTime() throws Exception {
        String customer = Api.unique("cliente") + "@example.it";
        JsonNode ticket = desk.ticketFor(customer, "Reso non rimborsato");
        long id = ticket.get("id").asLong();

        newTicketByMail(ticket, customer, SupportedLocale.IT, false, "<primo@example.it>");

        MimeMessage mail = onlyMailTo(customer);
        assertThat(mail.getSubject()).isEqualTo("Abbiamo ricevuto la tua richiesta: Reso non rimborsato [#" + id + "]");
        assertThat(textOf(mail))
                .contains("numero di riferimento #" + id)
                .contains("entro 8 ore lavorative")
                .contains("nell'oggetto");
        assertThat(mail.getHeader("Auto-Submitted", null)).isEqualTo("auto-replied");
        assertThat(mail.getHeader("X-Auto-Response-Suppress", null)).isEqualTo("All");
        assertThat(mail.getHeader("In-Reply-To", null)).isEqualTo("<primo@example.it>");
        assertThat(mail.getFrom()[0].toString()).isEqualTo("supporto@desk.test");
        assertThat(messageIds.ticketOf(mail.getMessageID())).contains(new TicketId(id));
    }

    @Test
    void anEnglishSpeakingCustomerIsAcknowledgedInEnglish() throws Exception {
        String customer = Api.unique("customer") + "@example.com";
        JsonNode ticket = desk.ticketFor(customer, "Broken parcel");
        long id = ticket.get("id").asLong();

        newTicketByMail(ticket, customer, SupportedLocale.EN, false, "<first@example.com>");

        MimeMessage mail = onlyMailTo(customer);
        assertThat(mail.getSubject()).isEqualTo("We have received your request: Broken parcel [#" + id + "]");
        assertThat(textOf(mail)).contains("reference number #" + id).contains("within 8 business hours");
        assertThat(mail.getHeader("Auto-Submitted", null)).isEqualTo("auto-replied");
    }

    @Test
    void automaticMailIsNeverAcknowledged() throws Exception {
        String robot = Api.unique("fuori-ufficio") + "@example.it";
        JsonNode fromRobot = desk.ticketFor(robot, "Risposta automatica: fuori ufficio");
        String person = Api.unique("cliente") + "@example.it";
        JsonNode fromPerson = desk.ticketFor(person, "Domanda vera");

        newTicketByMail(fromRobot, robot, SupportedLocale.IT, true, "<auto@example.it>");
        newTicketByMail(fromPerson, person, SupportedLocale.IT, false, "<vera@example.it>");

        onlyMailTo(person);
        await().during(Duration.ofSeconds(1))
                .atMost(PATIENCE)
                .until(() -> mailsTo(robot).isEmpty());
        assertThat(outbox.findAll()).noneMatch(m -> m.to().equals(robot));
    }

    @Test
    void acknowledgementsToOneAddressStopAfterThreeAnHour() throws Exception {
        String customer = Api.unique("cliente") + "@example.it";
        for (int i = 1; i <= 5; i++) {
            JsonNode ticket = desk.ticketFor(customer, "Richiesta " + i);
            newTicketByMail(ticket, customer, SupportedLocale.IT, false, "<richiesta-" + i + "@example.it>");
        }

        try {
            await().atMost(PATIENCE).until(() -> mailsTo(customer).size() >= 3);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError(
                    "mails received: " + mailsTo(customer).size() + "; outbox: "
                            + jdbc.queryForList(
                                    "select id, kind, status, attempts, next_attempt_at, last_error"
                                            + " from channel_email_outbox where to_address = ?",
                                    customer),
                    e);
        }
        await().during(Duration.ofSeconds(1))
                .atMost(PATIENCE)
                .until(() -> mailsTo(customer).size() == 3);
        assertThat(outbox.findAll()).filteredOn(m -> m.to().equals(customer)).hasSize(3);
    }

    @Test
    void twoSendersRacingForTheSameMailClaimItOnce() throws Exception {
        long id = 900_000_000L + new Random().nextInt(1_000_000);
        // Due tomorrow, so the running scheduler leaves it alone; the racers claim it "tomorrow".
        Instant due = Instant.now().plus(Duration.ofDays(1));
        jdbc.update(
                "insert into channel_email_outbox (id, ticket_id, kind, to_address, from_address, subject,"
                        + " mail_message_id, body_text, status, attempts, next_attempt_at, created_at)"
                        + " values (?, 1, 'REPLY', ?, 'assistenza@desk.test', 'Gara', '<gara@x>', 'testo',"
                        + " 'QUEUED', 0, ?, ?)",
                id,
                Api.unique("gara") + "@example.it",
                OffsetDateTime.ofInstant(due, ZoneOffset.UTC),
                OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC));
        Instant racersNow = due.plusSeconds(1);
        CountDownLatch start = new CountDownLatch(1);
        TransactionTemplate transactions = new TransactionTemplate(transactionManager);
        Callable<Integer> racer = () -> {
            start.await();
            return transactions.execute(
                    tx -> outbox.claim(id, MailStatus.QUEUED, racersNow, racersNow.plus(Duration.ofMinutes(5))));
        };
        var pool = Executors.newFixedThreadPool(2);
        try {
            var first = pool.submit(racer);
            var second = pool.submit(racer);
            start.countDown();

            assertThat(first.get() + second.get()).as("claims won").isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(outbox.findById(id)).hasValueSatisfying(mail -> {
            assertThat(mail.attempts()).isEqualTo(1);
            assertThat(mail.nextAttemptAt()).isAfter(racersNow);
        });
    }

    /** The inbound side's announcement of a customer's follow-up mail on an existing ticket. */
    private void followUpArrived(JsonNode ticket, String mailMessageId, List<String> references) {
        long id = ticket.get("id").asLong();
        publish(new InboundEmailAccepted(
                1,
                new TicketId(id),
                new MessageId(ticket.get("messages").get(0).get("id").asLong()),
                new CustomerId(ticket.get("requester").get("id").asLong()),
                ticket.get("requester").get("email").asString(),
                SupportedLocale.IT,
                false,
                false,
                OutboxMailSettings.DESK,
                Instant.now(),
                mailMessageId,
                references));
        await().atMost(PATIENCE)
                .until(() -> threads.findById(id)
                        .flatMap(EmailThread::lastMessageId)
                        .filter(mailMessageId::equals)
                        .isPresent());
    }

    /** The inbound side's announcement that a mail opened this ticket. */
    private void newTicketByMail(
            JsonNode ticket, String sender, SupportedLocale locale, boolean automatic, String mailMessageId) {
        publish(new InboundEmailAccepted(
                1,
                new TicketId(ticket.get("id").asLong()),
                new MessageId(ticket.get("messages").get(0).get("id").asLong()),
                new CustomerId(ticket.get("requester").get("id").asLong()),
                sender,
                locale,
                true,
                automatic,
                "supporto@desk.test",
                Instant.now(),
                mailMessageId,
                List.of()));
    }

    /** Listeners hear events once the transaction publishing them commits. */
    private void publish(Object event) {
        new TransactionTemplate(transactionManager).executeWithoutResult(tx -> events.publishEvent(event));
    }

    private OutgoingMail mailFor(long messageId) {
        return outbox.findAll().stream()
                .filter(m -> m.messageId().orElse(0L) == messageId)
                .findFirst()
                .orElse(null);
    }

    private static List<MimeMessage> mailsTo(String address) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage mail : OutboxMailSettings.server().getReceivedMessages()) {
            if (Arrays.stream(mail.getAllRecipients())
                    .anyMatch(r -> r.toString().equalsIgnoreCase(address))) {
                found.add(mail);
            }
        }
        return found;
    }

    private static MimeMessage onlyMailTo(String address) throws Exception {
        await().atMost(PATIENCE).until(() -> !mailsTo(address).isEmpty());
        List<MimeMessage> mails = mailsTo(address);
        assertThat(mails).hasSize(1);
        return mails.getFirst();
    }

    private static List<Part> leaves(Part part) throws Exception {
        List<Part> found = new ArrayList<>();
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                found.addAll(leaves(multipart.getBodyPart(i)));
            }
        } else {
            found.add(part);
        }
        return found;
    }

    private static boolean containsAlternative(Part part) throws Exception {
        if (part.isMimeType("multipart/alternative")) {
            return true;
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                if (containsAlternative(multipart.getBodyPart(i))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String textOf(MimeMessage mail) throws Exception {
        for (Part part : leaves(mail)) {
            if (part.isMimeType("text/plain") && part.getFileName() == null) {
                return (String) part.getContent();
            }
        }
        throw new AssertionError("no plain text part");
    }
}
