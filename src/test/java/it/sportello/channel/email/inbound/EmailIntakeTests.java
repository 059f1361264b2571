package it.sportello.channel.email.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import it.sportello.channel.email.EmailIntake;
import it.sportello.channel.email.InboundEmailAccepted;
import it.sportello.channel.email.MailboxRoute;
import it.sportello.support.ApiTestCase;
import it.sportello.support.Desk;
import it.sportello.support.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The raw-MIME intake end to end: stored first, processed once, duplicates recognised, failures
 * kept and replayable, an interrupted intake finished by the recovery task exactly once.
 */
@IntegrationTest
@RecordApplicationEvents
class EmailIntakeTests extends ApiTestCase {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    EmailIntake intake;

    @Autowired
    InboundRoutes routes;

    @Autowired
    RawMessageStore store;

    @Autowired
    InboundLedger ledger;

    @Autowired
    ApplicationEvents events;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    private JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private JsonNode ticket(long id) {
        return api.get("/api/v1/tickets/" + id, Desk.ADMIN).json();
    }

    @Test
    void aMessageBecomesATicketAndTheSameMessageAgainChangesNothing() {
        String id = Fixtures.unique();
        byte[] mail = Fixtures.mail("outlook-windows-1252.eml", "ID", id);

        HttpResponse<String> first = Fixtures.post(port, Desk.ADMIN, mail);
        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(json(first).get("status").asString()).isEqualTo("processed");
        long ticketId = json(first).get("ticketId").asLong();
        JsonNode ticket = ticket(ticketId);
        assertThat(ticket.get("channel").asString()).isEqualTo("email");
        assertThat(ticket.get("subject").asString()).isEqualTo("Fattura n° 2026/118 – addebito di 120 € non dovuto");
        assertThat(ticket.get("requester").get("email").asString()).isEqualTo("mario.rossi." + id + "@example.it");
        assertThat(ticket.get("messages")).hasSize(1);
        JsonNode message = ticket.get("messages").get(0);
        assertThat(message.get("author").get("type").asString()).isEqualTo("customer");
        assertThat(message.get("body").asString()).contains("120 €", "“Premium”", "perché è stato applicato");
        assertThat(message.get("html").asString()).doesNotContain("script", "onload");

        HttpResponse<String> again = Fixtures.post(port, Desk.ADMIN, mail);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json(again).get("ticketId").asLong()).isEqualTo(ticketId);
        assertThat(json(again).get("intakeId").asLong())
                .isEqualTo(json(first).get("intakeId").asLong());
        assertThat(ticket(ticketId).get("messages")).hasSize(1);
    }

    @Test
    void aMessageWithoutMessageIdIsRecognisedAgainByItsBytes() {
        byte[] mail = Fixtures.mail("no-message-id.eml");
        HttpResponse<String> first = Fixtures.post(port, Desk.ADMIN, mail);
        HttpResponse<String> again = Fixtures.post(port, Desk.ADMIN, mail);
        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json(again).get("ticketId").asLong())
                .isEqualTo(json(first).get("ticketId").asLong());
        assertThat(ledger.find(json(first).get("intakeId").asLong())
                        .orElseThrow()
                        .dedupeKey())
                .startsWith("sha256:");
    }

    @Test
    void deliveriesThroughThePipeAreRecordedAsIntakeNotAsAdminActionsButAReplayIs() {
        java.time.Instant since = java.time.Instant.now().minusSeconds(1);
        HttpResponse<String> delivered = Fixtures.post(port, Desk.ADMIN, Fixtures.mail("malformed-boundary.eml"));
        long id = json(delivered).get("intakeId").asLong();
        api.post("/api/v1/channels/email/inbound/" + id + "/replay", Desk.ADMIN, null);

        List<String> targets = new java.util.ArrayList<>();
        api.get("/api/v1/audit?action=admin.request&size=100&since=" + since, Desk.ADMIN)
                .json()
                .get("items")
                .forEach(entry -> targets.add(entry.get("target").asString()));

        assertThat(targets)
                .contains("POST /api/v1/channels/email/inbound/" + id + "/replay")
                .doesNotContain("POST /api/v1/channels/email/inbound");
    }

    @Test
    void onlyAdminsMayDeliverOrListMail() {
        byte[] mail = Fixtures.mail("no-message-id.eml");
        assertThat(Fixtures.post(port, desk.agent().token(), mail).statusCode()).isEqualTo(403);
        assertThat(Fixtures.post(port, desk.customer().token(), mail).statusCode())
                .isEqualTo(403);
        assertThat(api.get(
                                "/api/v1/channels/email/inbound?status=failed",
                                desk.supervisor().token())
                        .status())
                .isEqualTo(403);
        assertThat(Fixtures.post(port, "sp_not-a-token", mail).statusCode()).isEqualTo(401);
    }

    @Test
    void aMessageThatCannotBeReadIsKeptAsFailedListedAndCanBeReplayed() throws Exception {
        HttpResponse<String> broken = Fixtures.post(port, Desk.ADMIN, Fixtures.mail("malformed-boundary.eml"));
        assertThat(broken.statusCode()).isEqualTo(202);
        assertThat(json(broken).get("status").asString()).isEqualTo("failed");
        long brokenId = json(broken).get("intakeId").asLong();

        JsonNode failed = api.get("/api/v1/channels/email/inbound?status=failed", Desk.ADMIN)
                .json();
        JsonNode listed = null;
        for (JsonNode row : failed) {
            if (row.get("id").asLong() == brokenId) {
                listed = row;
            }
        }
        assertThat(listed).isNotNull();
        assertThat(listed.get("reason").asString()).containsIgnoringCase("boundary");
        assertThat(Files.exists(store.path(ledger.find(brokenId).orElseThrow().rawPath())))
                .isTrue();

        // A message that failed for a reason since removed: its stored copy was unreadable, then restored.
        byte[] good = Fixtures.mail("gmail-alternative-inline-attachment.eml");
        long id = intake.store(routes.pipe(), new ByteArrayInputStream(good)).intakeId();
        Path copy = store.path(ledger.find(id).orElseThrow().rawPath());
        Files.write(copy, new byte[] {0, 1, 2});
        assertThat(intake.process(id).status()).isEqualTo(InboundStatus.FAILED);
        Files.write(copy, good);

        JsonNode replayed = api.post("/api/v1/channels/email/inbound/" + id + "/replay", Desk.ADMIN, null)
                .json();
        assertThat(replayed.get("status").asString()).isEqualTo("processed");
        JsonNode ticket = ticket(replayed.get("ticketId").asLong());
        assertThat(ticket.get("messages").get(0).get("attachments"))
                .extracting(a -> a.get("fileName").asString())
                .containsExactly("logo.png", "Preventivo città di Forlì.pdf", "ricevuta perché.txt");
        assertThat(api.post("/api/v1/channels/email/inbound/999999999/replay", Desk.ADMIN, null)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void anExecutableAttachmentIsLeftOutWithANoteAndTheRestArrives() {
        HttpResponse<String> response = Fixtures.post(port, Desk.ADMIN, Fixtures.mail("executable-attachment.eml"));
        assertThat(json(response).get("status").asString()).isEqualTo("processed");
        JsonNode messages = ticket(json(response).get("ticketId").asLong()).get("messages");
        assertThat(messages).hasSize(2);
        assertThat(messages.get(0).get("attachments"))
                .extracting(a -> a.get("fileName").asString())
                .containsExactly("errore.png");
        assertThat(messages.get(1).get("internal").asBoolean()).isTrue();
        assertThat(messages.get(1).get("author").get("type").asString()).isEqualTo("system");
        assertThat(messages.get(1).get("body").asString()).contains("setup.exe");
    }

    @Test
    void aForwardedMessageArrivesWithTheTextOfTheMessageInside() {
        HttpResponse<String> response = Fixtures.post(port, Desk.ADMIN, Fixtures.mail("forwarded-message-rfc822.eml"));
        JsonNode message =
                ticket(json(response).get("ticketId").asLong()).get("messages").get(0);
        assertThat(message.get("body").asString()).contains("Vi inoltro", "La spedizione 4411 non è stata consegnata");
    }

    @Test
    void mailFromTheDesksOwnAddressIsIgnoredWithTheReason() {
        MailboxRoute route = new MailboxRoute(
                "test-desk", null, Set.of("assistenza@sportello.example"), "assistenza@sportello.example");
        routes.register(route);
        byte[] mail = ("From: Assistenza <assistenza@sportello.example>\r\nTo: assistenza@sportello.example\r\n"
                        + "Subject: copia\r\nMessage-ID: <" + Fixtures.unique() + "@sportello.example>\r\n\r\nciao\r\n")
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        EmailIntake.IntakeResult result = intake.accept(route, new ByteArrayInputStream(mail));
        assertThat(result.status()).isEqualTo(InboundStatus.IGNORED);
        assertThat(result.ticketId()).isNull();
        assertThat(result.reason()).contains("desk's own address");
    }

    @Test
    void aStoredMessageLeftUnprocessedIsFinishedByTheRecoveryTaskExactlyOnce() throws Exception {
        String id = Fixtures.unique();
        byte[] mail = Fixtures.mail("outlook-windows-1252.eml", "ID", id);
        // The process "dies" right after storing: the record stays RECEIVED, nothing else exists.
        long intakeId =
                intake.store(routes.pipe(), new ByteArrayInputStream(mail)).intakeId();
        assertThat(ledger.find(intakeId).orElseThrow().status()).isEqualTo(InboundStatus.RECEIVED);

        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> ledger.find(intakeId).orElseThrow().status() == InboundStatus.PROCESSED);
        long ticketId = ledger.find(intakeId).orElseThrow().ticketId();
        assertThat(ticket(ticketId).get("messages")).hasSize(1);

        // The mail server, never told of success, delivers the message again: same ticket, nothing new.
        HttpResponse<String> again = Fixtures.post(port, Desk.ADMIN, mail);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json(again).get("ticketId").asLong()).isEqualTo(ticketId);
        assertThat(ticket(ticketId).get("messages")).hasSize(1);
    }

    @Test
    void processorsRacingForOneStoredMessageMakeOneTicketMessage() throws Exception {
        byte[] mail = Fixtures.mail("gmail-alternative-inline-attachment.eml");
        long intakeId =
                intake.store(routes.pipe(), new ByteArrayInputStream(mail)).intakeId();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<EmailIntake.IntakeResult>> racers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                racers.add(() -> intake.process(intakeId));
            }
            List<Long> tickets = new ArrayList<>();
            for (Future<EmailIntake.IntakeResult> result : pool.invokeAll(racers)) {
                tickets.add(result.get().ticketId());
            }
            assertThat(tickets).doesNotContainNull().containsOnly(tickets.getFirst());
            assertThat(ticket(tickets.getFirst()).get("messages")).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theSameMessageDeliveredFourTimesAtOnceMakesOneTicketMessageAndEveryAnswerNamesIt() throws Exception {
        // Recorded and processed in one transaction: the copies wait on the first one's record
        // until it commits, then find it, ticket and all.
        byte[] mail = Fixtures.mail("outlook-windows-1252.eml");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<HttpResponse<String>>> deliveries = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                deliveries.add(() -> Fixtures.post(port, Desk.ADMIN, mail));
            }
            List<HttpResponse<String>> answers = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : pool.invokeAll(deliveries)) {
                answers.add(answer.get());
            }
            assertThat(answers)
                    .extracting(HttpResponse::statusCode)
                    .containsOnly(200, 202)
                    .containsOnlyOnce(202);
            List<Long> tickets = answers.stream()
                    .map(answer -> json(answer).get("ticketId").asLong())
                    .toList();
            assertThat(tickets).containsOnly(tickets.getFirst());
            assertThat(answers)
                    .extracting(answer -> json(answer).get("status").asString())
                    .containsOnly("processed");
            assertThat(ticket(tickets.getFirst()).get("messages")).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aNewTicketByMailHasItsThreadAndAcknowledgementWrittenWhenTheIntakeAnswers() {
        // In the intake's own transaction: no moment in which the ticket exists without them.
        EmailIntake.IntakeResult result =
                intake.accept(routes.pipe(), new ByteArrayInputStream(Fixtures.mail("outlook-windows-1252.eml")));

        assertThat(jdbc.queryForObject(
                        "select count(*) from channel_email_thread where ticket_id = ?",
                        Integer.class,
                        result.ticketId()))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "select count(*) from channel_email_outbox where ticket_id = ? and kind = 'ACKNOWLEDGEMENT'",
                        Integer.class,
                        result.ticketId()))
                .isEqualTo(1);
    }

    @Test
    void anAcceptedMessageIsAnnouncedSayingWhetherAMachineSentIt() {
        MailboxRoute route =
                new MailboxRoute("test-events", null, Set.of("help@sportello.example"), "help@sportello.example");
        routes.register(route);
        EmailIntake.IntakeResult person =
                intake.accept(route, new ByteArrayInputStream(Fixtures.mail("outlook-windows-1252.eml")));
        EmailIntake.IntakeResult machine =
                intake.accept(route, new ByteArrayInputStream(Fixtures.mail("out-of-office.eml")));

        List<InboundEmailAccepted> accepted =
                events.stream(InboundEmailAccepted.class).toList();
        assertThat(accepted)
                .extracting(InboundEmailAccepted::intakeId)
                .containsExactly(person.intakeId(), machine.intakeId());
        assertThat(accepted.getFirst().automatic()).isFalse();
        assertThat(accepted.getFirst().newTicket()).isTrue();
        assertThat(accepted.getFirst().replyFrom()).isEqualTo("help@sportello.example");
        assertThat(accepted.getFirst().ticketId().value()).isEqualTo(person.ticketId());
        assertThat(accepted.getFirst().senderAddress()).startsWith("mario.rossi.");
        assertThat(accepted.get(1).automatic()).isTrue();
    }
}
