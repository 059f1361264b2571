package it.sportello.channel.email.mailbox;

import static it.sportello.support.Api.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import it.sportello.channel.email.EmailIntake;
import it.sportello.support.Api;
import it.sportello.support.ApiTestCase;
import it.sportello.support.Desk;
import it.sportello.support.IntegrationTest;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * Mailboxes polled from a real IMAP server (an in-process GreenMail) by the scheduler, in windows
 * of two messages so that a poll of a few messages spans several windows.
 */
@IntegrationTest
@TestPropertySource(
        properties = {
            "sportello.email.mailboxes.check-every=300ms",
            "sportello.email.max-message-size=64KB",
            "sportello.email.mailboxes.window=2"
        })
class MailboxPollingTests extends ApiTestCase {

    private static final String MAILBOXES = "/api/v1/channels/email/mailboxes";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int PORT = freePort();

    private static GreenMail imap;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MailboxIdle idle;

    /** The real intake, which a test may make fail for one message. */
    @MockitoSpyBean
    EmailIntake intake;

    @BeforeAll
    static void startImap() {
        imap = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_IMAP));
        imap.start();
    }

    @AfterAll
    static void stopImap() {
        imap.stop();
    }

    @Test
    void aMessageInTheInboxBecomesATicketInTheMailboxsGroupAndIsFlaggedSeenAfterwards() throws Exception {
        Account account = account();
        String customer = "maria." + token() + "@example.it";
        account.user.deliver(mail(customer, account.address, "Ordine non arrivato", "<" + token() + "@example.it>"));
        long group = group();

        long mailbox = mailbox(account, group, null);

        long ticket = awaitTicket(mailbox);
        Map<String, Object> row = jdbc.queryForMap("select subject, group_id from ticket where id = ?", ticket);
        assertThat(row.get("subject")).isEqualTo("Ordine non arrivato");
        assertThat(((Number) row.get("group_id")).longValue()).isEqualTo(group);
        assertThat(jdbc.queryForObject(
                        "select body_text from ticket_message where ticket_id = ?", String.class, ticket))
                .contains("25 €");
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(seen(account, "INBOX")).containsExactly(true));

        var view = api.get(MAILBOXES + "/" + mailbox, Desk.ADMIN).json();
        assertThat(view.get("lastPollAt").isNull()).isFalse();
        assertThat(view.get("lastError").isNull()).isTrue();
        disable(mailbox);
    }

    @Test
    void aMessageHandedAgainAfterItsFlagWasLostStaysOneTicketMessage() throws Exception {
        Account account = account();
        String customer = "luca." + token() + "@example.it";
        String messageId = "<" + token() + "@example.it>";
        account.user.deliver(mail(customer, account.address, "Fattura sbagliata", messageId));
        long mailbox = mailbox(account, group(), null);
        long ticket = awaitTicket(mailbox);
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(seen(account, "INBOX")).containsExactly(true));

        // As after a crash between the intake and the flag: the server still shows the message as
        // new, and the same message is delivered a second time too.
        unflag(account);
        account.user.deliver(mail(customer, account.address, "Fattura sbagliata", messageId));
        Instant resent = Instant.now();
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(seen(account, "INBOX")).containsExactly(true, true);
            assertThat(lastPoll(mailbox)).isAfter(resent);
        });

        assertThat(jdbc.queryForObject(
                        "select count(*) from email_intake where route_key = ?", Integer.class, "mailbox-" + mailbox))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "select count(*) from ticket_message where ticket_id = ?", Integer.class, ticket))
                .isEqualTo(1);
        disable(mailbox);
    }

    @Test
    void withAProcessedFolderTheMessageIsMovedThereOnceStored() throws Exception {
        Account account = account();
        account.user.deliver(
                mail("anna." + token() + "@example.it", account.address, "Reso", "<" + token() + "@example.it>"));
        long mailbox = mailbox(account, group(), "Lavorate");

        awaitTicket(mailbox);
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(seen(account, "INBOX")).isEmpty();
            assertThat(seen(account, "Lavorate")).hasSize(1);
        });
        disable(mailbox);
    }

    @Test
    void aMessageTheIntakeRefusesStaysUnseenOnTheServerAndTheNextOneStillComesIn() throws Exception {
        Account account = account();
        String tooLarge = "x".repeat(100).concat("\r\n").repeat(1000);
        account.user.deliver(mail(
                "grande." + token() + "@example.it",
                account.address,
                "Allegato enorme",
                "<" + token() + "@example.it>",
                tooLarge));
        account.user.deliver(
                mail("piccolo." + token() + "@example.it", account.address, "Domanda", "<" + token() + "@example.it>"));
        long mailbox = mailbox(account, group(), null);

        long ticket = awaitTicket(mailbox);
        assertThat(jdbc.queryForObject("select subject from ticket where id = ?", String.class, ticket))
                .isEqualTo("Domanda");
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(seen(account, "INBOX")).containsExactly(false, true);
            assertThat(lastError(mailbox)).contains("left on the server").contains("PayloadTooLarge");
        });
        disable(mailbox);
    }

    @Test
    void inAWindowWithOneRefusedMessageTheOthersAreFlaggedSeenAndThatOneIsLeftUnseen() throws Exception {
        Account account = account();
        String tooLarge = "x".repeat(100).concat("\r\n").repeat(1000);
        List<String> subjects = List.of("Primo " + token(), "Secondo " + token(), "Terzo " + token());
        account.user.deliver(mail(
                "uno." + token() + "@example.it", account.address, subjects.get(0), "<" + token() + "@example.it>"));
        account.user.deliver(mail(
                "grande." + token() + "@example.it",
                account.address,
                "Allegato enorme",
                "<" + token() + "@example.it>",
                tooLarge));
        account.user.deliver(mail(
                "due." + token() + "@example.it", account.address, subjects.get(1), "<" + token() + "@example.it>"));
        account.user.deliver(mail(
                "tre." + token() + "@example.it", account.address, subjects.get(2), "<" + token() + "@example.it>"));
        long mailbox = mailbox(account, group(), null);

        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(jdbc.queryForList(
                                "select t.subject from email_intake i join ticket t on t.id = i.ticket_id"
                                        + " where i.route_key = ? order by t.subject",
                                String.class,
                                "mailbox-" + mailbox))
                        .containsExactlyElementsOf(subjects));
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(seen(account, "INBOX")).containsExactly(true, false, true, true);
            assertThat(lastError(mailbox)).contains("PayloadTooLarge");
        });
        // Polled again and again meanwhile: the refused one is never half taken in.
        assertThat(jdbc.queryForObject(
                        "select count(*) from email_intake where route_key = ?", Integer.class, "mailbox-" + mailbox))
                .isEqualTo(3);
        disable(mailbox);
    }

    @Test
    void aWindowIsFlaggedBeforeTheNextIsHandedOverAndAMessageWhoseIntakeFailsStaysUnseen() throws Exception {
        Account account = account();
        String token = token();
        for (int n = 1; n <= 5; n++) {
            account.user.deliver(mail(
                    "cliente" + n + "." + token() + "@example.it",
                    account.address,
                    "Finestra " + token + " n. " + n,
                    "<" + token() + "@example.it>"));
        }
        // The third message (the first of the second window) meets a database that is away; what
        // the server shows at that moment tells whether the first window was flagged already.
        List<List<Boolean>> seenWhenTheThirdCame = new CopyOnWriteArrayList<>();
        doAnswer(call -> {
                    InputStream raw = call.getArgument(1);
                    if (raw.markSupported()) {
                        String text = new String(raw.readAllBytes(), StandardCharsets.ISO_8859_1);
                        raw.reset();
                        if (text.contains("Finestra " + token + " n. 3")) {
                            seenWhenTheThirdCame.add(seen(account, "INBOX"));
                            throw new TransientDataAccessResourceException("the database is away");
                        }
                    }
                    return call.callRealMethod();
                })
                .when(intake)
                .accept(any(), any());
        long mailbox = mailbox(account, group(), null);

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(seen(account, "INBOX")).containsExactly(true, true, false, true, true);
            assertThat(lastError(mailbox)).contains("left on the server");
        });
        assertThat(seenWhenTheThirdCame).isNotEmpty();
        assertThat(seenWhenTheThirdCame.getFirst()).startsWith(true, true);
        assertThat(jdbc.queryForList(
                        "select t.subject from email_intake i join ticket t on t.id = i.ticket_id"
                                + " where i.route_key = ? order by t.subject",
                        String.class,
                        "mailbox-" + mailbox))
                .containsExactly(
                        "Finestra " + token + " n. 1",
                        "Finestra " + token + " n. 2",
                        "Finestra " + token + " n. 4",
                        "Finestra " + token + " n. 5");
        disable(mailbox);
    }

    @Test
    void aMailboxLeasedByAnotherNodeIsLeftAloneUntilTheLeaseRunsOut() throws Exception {
        Account account = account();
        Map<String, Object> hourly = settings(account.login, account.password, account.address, group(), null);
        hourly.put("pollIntervalSeconds", 3600);
        long mailbox = api.post(MAILBOXES, Desk.ADMIN, hourly).json().get("id").asLong();
        await().atMost(WAIT).until(() -> lastPoll(mailbox).isAfter(Instant.EPOCH));
        Instant first = lastPoll(mailbox);

        // Due again, but another node holds the lease for the next minute.
        Instant now = Instant.now();
        jdbc.update(
                "update channel_email_mailbox set next_poll_at = ?, polling_until = ? where id = ?",
                utc(now.minusSeconds(1)),
                utc(now.plusSeconds(60)),
                mailbox);
        Thread.sleep(1500); // several of the scheduler's 300 ms looks
        assertThat(lastPoll(mailbox)).isEqualTo(first);

        // That node died: its lease runs out and this one takes the mailbox over.
        jdbc.update(
                "update channel_email_mailbox set polling_until = ? where id = ?",
                utc(Instant.now().minusSeconds(1)),
                mailbox);
        await().atMost(WAIT).until(() -> lastPoll(mailbox).isAfter(first));
        assertThat(jdbc.queryForObject(
                        "select polling_until from channel_email_mailbox where id = ?", Timestamp.class, mailbox))
                .as("the lease is let go after the poll")
                .isNull();
        disable(mailbox);
    }

    @Test
    void newMailAnnouncedByImapIdleIsFetchedWithoutWaitingForTheInterval() throws Exception {
        Account account = account();
        account.user.deliver(
                mail("prima." + token() + "@example.it", account.address, "Primo", "<" + token() + "@example.it>"));
        Map<String, Object> hourly = settings(account.login, account.password, account.address, group(), null);
        hourly.put("pollIntervalSeconds", 3600);
        long mailbox = api.post(MAILBOXES, Desk.ADMIN, hourly).json().get("id").asLong();
        awaitTicket(mailbox);
        await().atMost(WAIT).until(() -> idle.idling(mailbox));
        Thread.sleep(300); // the IDLE command itself on its way to the server

        account.user.deliver(
                mail("seconda." + token() + "@example.it", account.address, "Secondo", "<" + token() + "@example.it>"));

        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(jdbc.queryForList(
                                "select t.subject from email_intake i join ticket t on t.id = i.ticket_id"
                                        + " where i.route_key = ? order by t.subject",
                                String.class,
                                "mailbox-" + mailbox))
                        .containsExactly("Primo", "Secondo"));
        disable(mailbox);
        await().atMost(WAIT).until(() -> !idle.watched().contains(mailbox));
    }

    @Test
    void aWrongPasswordIsRecordedWithoutItAndTheNextMailboxIsPolledAllTheSame() throws Exception {
        Account broken = account();
        Account working = account();
        working.user.deliver(mail(
                "paolo." + token() + "@example.it", working.address, "Assistenza", "<" + token() + "@example.it>"));
        long group = group();
        String wrong = "sbagliata-" + token();
        long failing = api.post(MAILBOXES, Desk.ADMIN, settings(broken.login, wrong, broken.address, group, null))
                .json()
                .get("id")
                .asLong();
        long fine = mailbox(working, group, null);

        awaitTicket(fine);
        await().atMost(WAIT).untilAsserted(() -> assertThat(lastError(failing)).isNotBlank());
        String error = lastError(failing);
        assertThat(error).containsIgnoringCase("authentication").doesNotContain(wrong);
        assertThat(api.get(MAILBOXES + "/" + failing, Desk.ADMIN)
                        .json()
                        .get("lastError")
                        .asString())
                .isEqualTo(error);
        disable(failing);
        disable(fine);
    }

    private long awaitTicket(long mailbox) {
        List<Long> tickets = new ArrayList<>();
        await().atMost(WAIT).untilAsserted(() -> {
            tickets.clear();
            tickets.addAll(jdbc.queryForList(
                    "select ticket_id from email_intake where route_key = ? and status = 'PROCESSED'",
                    Long.class,
                    "mailbox-" + mailbox));
            assertThat(tickets).hasSize(1);
        });
        return tickets.getFirst();
    }

    private Instant lastPoll(long mailbox) {
        Timestamp at = jdbc.queryForObject(
                "select last_poll_at from channel_email_mailbox where id = ?", Timestamp.class, mailbox);
        return at == null ? Instant.EPOCH : at.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private String lastError(long mailbox) {
        return jdbc.queryForObject("select last_error from channel_email_mailbox where id = ?", String.class, mailbox);
    }

    private long mailbox(Account account, long group, String processedFolder) {
        Api.Reply created = api.post(
                MAILBOXES,
                Desk.ADMIN,
                settings(account.login, account.password, account.address, group, processedFolder));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    private void disable(long mailbox) {
        assertThat(api.patch(MAILBOXES + "/" + mailbox, Desk.ADMIN, object("enabled", false))
                        .status())
                .isEqualTo(200);
    }

    private static Map<String, Object> settings(
            String login, String password, String address, long group, String processedFolder) {
        Map<String, Object> settings = object(
                "name", "Assistenza " + login,
                "host", "127.0.0.1",
                "port", PORT,
                "tls", false,
                "username", login,
                "password", password,
                "address", address,
                "groupId", group,
                "pollIntervalSeconds", 1);
        if (processedFolder != null) {
            settings.put("processedFolder", processedFolder);
        }
        return settings;
    }

    private long group() {
        return api.post("/api/v1/groups", Desk.ADMIN, object("name", Api.unique("Casella")))
                .json()
                .get("id")
                .asLong();
    }

    private record Account(GreenMailUser user, String login, String password, String address) {}

    private static Account account() {
        String login = "desk-" + token();
        String address = login + "@negozio.test";
        String password = "pw-" + token();
        return new Account(imap.setUser(address, login, password), login, password, address);
    }

    /** A customer's mail in windows-1252, as Italian mail clients still send it. */
    private static MimeMessage mail(String from, String to, String subject, String messageId)
            throws MessagingException {
        return mail(from, to, subject, messageId, "");
    }

    private static MimeMessage mail(String from, String to, String subject, String messageId, String more)
            throws MessagingException {
        String raw = "From: Cliente <" + from + ">\r\n"
                + "To: " + to + "\r\n"
                + "Subject: " + subject + "\r\n"
                + "Message-ID: " + messageId + "\r\n"
                + "Date: Mon, 23 Nov 2026 10:00:00 +0100\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=windows-1252\r\n"
                + "Content-Transfer-Encoding: quoted-printable\r\n"
                + "\r\n"
                + "Buongiorno, ho pagato 25 =80 e non =E8 arrivato nulla.\r\n"
                + more;
        return new MimeMessage(
                Session.getInstance(new Properties()),
                new ByteArrayInputStream(raw.getBytes(StandardCharsets.US_ASCII)));
    }

    /** The \Seen flag of each message in the folder, read without setting it. */
    private static List<Boolean> seen(Account account, String folderName) throws MessagingException {
        try (Store store = connect(account)) {
            Folder folder = store.getFolder(folderName);
            if (!folder.exists()) {
                return List.of();
            }
            folder.open(Folder.READ_ONLY);
            try {
                List<Boolean> flags = new ArrayList<>();
                for (Message message : folder.getMessages()) {
                    flags.add(message.isSet(Flags.Flag.SEEN));
                }
                return flags;
            } finally {
                folder.close(false);
            }
        }
    }

    private static void unflag(Account account) throws MessagingException {
        try (Store store = connect(account)) {
            Folder folder = store.getFolder("INBOX");
            folder.open(Folder.READ_WRITE);
            for (Message message : folder.getMessages()) {
                message.setFlag(Flags.Flag.SEEN, false);
            }
            folder.close(false);
        }
    }

    private static Store connect(Account account) throws MessagingException {
        Properties properties = new Properties();
        properties.put("mail.imap.peek", "true");
        Store store = Session.getInstance(properties).getStore("imap");
        store.connect("127.0.0.1", PORT, account.login, account.password);
        return store;
    }

    private static String token() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
