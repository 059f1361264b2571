package it.sportello.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * E-mail intake through IMAP on PostgreSQL: {@code bench.messages} messages (5,000) waiting in the
 * INBOX of an in-process GreenMail server, the same corpus as {@link EmailIntakeBenchmark} (each
 * copy with its own Message-ID and sender, so each one opens a ticket). The clock starts when the
 * mailbox is created through the API and stops when every message of its route is PROCESSED;
 * the scheduler looks for due mailboxes every 200 ms and one poll may take every message
 * ({@code sportello.email.mailboxes.batch-size}). Every message must become exactly one ticket
 * message and be flagged \Seen on the server. Target: at least 200 messages/s. Before the clock
 * starts, {@code bench.warmup-messages} (3,000) go through the raw-MIME pipe, so the run measures
 * the intake of a JVM that has been serving for a while rather than one compiling its code.
 *
 * <p>GreenMail answers each FETCH or STORE in time that grows with the square of the folder's
 * size (it looks up every message's sequence number by copying the folder's list of UIDs), so at
 * thousands of messages it, not Sportello, sets the pace; the run prints what one FETCH of 100
 * messages costs it. {@code -Dbench.imap.host=127.0.0.1 -Dbench.imap.port=143 -Dbench.imap.user=...
 * -Dbench.imap.password=...} measures against a real server instead (its INBOX is emptied first).
 *
 * <p>A Dovecot of the benchmark's own, for that (Debian: {@code apt-get install dovecot-imapd}; it
 * is not needed by anything else): a directory {@code /tmp/dovecot-bench} with {@code run},
 * {@code state} and {@code home} (the last owned by {@code nobody}), a {@code passwd} file holding
 * {@code assistenza:{PLAIN}imap-bench-password::::::}, and a {@code dovecot.conf} of {@code
 * base_dir = /tmp/dovecot-bench/run}, {@code state_dir = /tmp/dovecot-bench/state}, {@code listen =
 * 127.0.0.1}, {@code protocols = imap}, {@code ssl = no}, {@code disable_plaintext_auth = no},
 * {@code first_valid_uid = 1}, {@code passdb { driver = passwd-file, args =
 * /tmp/dovecot-bench/passwd }}, {@code userdb { driver = static, args = uid=nobody gid=nogroup
 * home=/tmp/dovecot-bench/home/%u }}, {@code mail_location = maildir:~/Maildir} and {@code
 * service imap-login { inet_listener imap { address = 127.0.0.1, port = 10143 } }} (one setting a
 * line); started with {@code dovecot -c /tmp/dovecot-bench/dovecot.conf}, stopped with {@code
 * doveadm -c /tmp/dovecot-bench/dovecot.conf stop}; then {@code -Dbench.imap.host=127.0.0.1
 * -Dbench.imap.port=10143 -Dbench.imap.user=assistenza -Dbench.imap.password=imap-bench-password}.
 *
 * <p>{@code ./mvnw -Pbenchmark test -Dtest=ImapIntakeBenchmark [-Dbench.messages=5000] [-Dbench.window=100]
 * [-Dbench.intake-threads=2] [-Dbench.enforce=true]}
 */
@Tag("benchmark")
class ImapIntakeBenchmark {

    private static final String SCHEMA = "sportello_bench_imap";
    private static final double TARGET = 200;
    private static final String ADDRESS = "assistenza@imap.sportello.bench";
    private static final String LOGIN = "assistenza";
    private static final String PASSWORD = "imap-bench-password";
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

    private final int messages = Integer.getInteger("bench.messages", 5000);
    private final int batch = Integer.getInteger("bench.batch-size", Math.max(200, messages));
    private final long timeoutSeconds = Long.getLong("bench.timeout-seconds", 900);
    private final boolean enforce = Boolean.getBoolean("bench.enforce");
    private final boolean keep = Boolean.getBoolean("bench.keep");
    private final int window = Integer.getInteger("bench.window", 100);
    /** How many messages go through the intake at once (the application's default when not given). */
    private final String intakeThreads = System.getProperty("bench.intake-threads");

    private final MailCorpus corpus = new MailCorpus("i");
    /** Messages sent through the raw-MIME pipe before the clock starts, so the run measures a warm JVM. */
    private final int warmup = Integer.getInteger("bench.warmup-messages", 3000);
    /** An external IMAP server instead of GreenMail (its INBOX is emptied and filled by APPEND). */
    private final String externalHost = System.getProperty("bench.imap.host");

    @Test
    void imapIntakeRate() throws Exception {
        boolean external = externalHost != null && !externalHost.isBlank();
        String host = external ? externalHost : "127.0.0.1";
        int port = external ? Integer.getInteger("bench.imap.port", 143) : freePort();
        String login = external ? System.getProperty("bench.imap.user", LOGIN) : LOGIN;
        String password = external ? System.getProperty("bench.imap.password", PASSWORD) : PASSWORD;
        String server = external ? "external IMAP server " + host + ":" + port : "GreenMail";
        GreenMail imap = null;
        if (!external) {
            imap = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_IMAP));
            imap.start();
        }
        Session session = Session.getInstance(new Properties());
        double externalFill = 0;
        if (external) {
            long f0 = System.nanoTime();
            fill(session, host, port, login, password);
            externalFill = (System.nanoTime() - f0) / 1e9;
        }
        Bench.dropSchema(SCHEMA);
        Bench.createSchema(SCHEMA);
        try {
            long f0 = System.nanoTime();
            if (!external) {
                GreenMailUser user = imap.setUser(ADDRESS, login, password);
                for (int n = 1; n <= messages; n++) {
                    user.deliver(new MimeMessage(session, new ByteArrayInputStream(corpus.mail(n))));
                }
            }
            double fillSeconds = external ? externalFill : (System.nanoTime() - f0) / 1e9;
            double probeMillis = fetchCost(session, host, port, login, password);

            List<String> settings = new ArrayList<>(List.of(
                    "--sportello.email.mailboxes.check-every=200ms",
                    "--sportello.scheduler.polling-interval=200ms",
                    "--sportello.email.mailboxes.batch-size=" + batch,
                    "--sportello.email.mailboxes.window=" + window));
            if (intakeThreads != null) {
                settings.add("--sportello.email.mailboxes.intake-threads=" + intakeThreads);
            }
            try (Bench.Running app = Bench.start(SCHEMA, settings.toArray(String[]::new))) {
                HttpClient http = Bench.http();
                warmUp(http, URI.create(app.base() + "/api/v1/channels/email/inbound"));
                String json = String.format(
                        Locale.ROOT,
                        "{\"name\":\"Bench IMAP\",\"host\":\"%s\",\"port\":%d,\"tls\":false,"
                                + "\"username\":\"%s\",\"password\":\"%s\",\"address\":\"%s\","
                                + "\"pollIntervalSeconds\":1}",
                        host,
                        port,
                        login,
                        password,
                        ADDRESS);
                Bench.CpuTime cpu0 = Bench.CpuTime.now();
                long t0 = System.nanoTime();
                String created =
                        Bench.api(http, "POST", URI.create(app.base() + "/api/v1/channels/email/mailboxes"), json, 201);
                Matcher id = ID.matcher(created);
                assertThat(id.find()).as("mailbox id in %s", created).isTrue();
                String route = "mailbox-" + id.group(1);

                long firstNanos = -1;
                long processed = 0;
                long deadline = t0 + timeoutSeconds * 1_000_000_000L;
                try (Connection c = Bench.connect(SCHEMA);
                        PreparedStatement count = c.prepareStatement(
                                "select count(*) from email_intake where status = 'PROCESSED' and route_key = ?")) {
                    count.setString(1, route);
                    while (processed < messages && System.nanoTime() < deadline) {
                        try (ResultSet r = count.executeQuery()) {
                            r.next();
                            processed = r.getLong(1);
                        }
                        if (processed > 0 && firstNanos < 0) {
                            firstNanos = System.nanoTime() - t0;
                        }
                        if (processed < messages) {
                            Thread.sleep(100);
                        }
                    }
                }
                long elapsed = System.nanoTime() - t0;
                String cpu = Bench.CpuTime.now().perMessageSince(cpu0, processed);
                // The flags of a window are stored once the whole window is in: wait for the last ones.
                int unseenLeft = unseen(session, host, port, login, password);
                while (unseenLeft > 0 && processed == messages && System.nanoTime() < deadline) {
                    Thread.sleep(200);
                    unseenLeft = unseen(session, host, port, login, password);
                }
                long flaggedNanos = System.nanoTime() - t0;

                Bench.banner("E-mail intake through IMAP (" + server + "), PostgreSQL (" + messages + " messages)");
                System.out.printf(
                        Locale.ROOT,
                        "  INBOX filled with %,d messages in %.1f s (before the clock starts)%n",
                        messages,
                        fillSeconds);
                System.out.printf(
                        Locale.ROOT,
                        "  imap  %,6d messages in %6.1f s = %s messages/s (from mailbox creation to the last"
                                + " PROCESSED); first ticket after %s ms; batch-size %d, window %d, intake threads %s%n",
                        processed,
                        elapsed / 1e9,
                        Bench.fmt(processed / (elapsed / 1e9)),
                        firstNanos < 0 ? "-" : Bench.fmt(firstNanos / 1e6),
                        batch,
                        window,
                        intakeThreads == null ? "default" : intakeThreads);
                System.out.printf(Locale.ROOT, "  %s (the JVM: Sportello, and GreenMail when in-process)%n", cpu);
                System.out.printf(
                        Locale.ROOT,
                        "  all \\Seen on the server after %.1f s; the server answered one FETCH of 100 messages'"
                                + " UID, FLAGS and RFC822.SIZE in a full INBOX in %s ms (before the clock started)%n",
                        flaggedNanos / 1e9,
                        Bench.fmt(probeMillis));
                if (processed == messages) {
                    try (Connection c = Bench.connect(SCHEMA);
                            PreparedStatement span = c.prepareStatement(
                                    "select extract(epoch from max(processed_at) - min(processed_at))"
                                            + " from email_intake where route_key = ?")) {
                        span.setString(1, route);
                        try (ResultSet r = span.executeQuery()) {
                            r.next();
                            double seconds = r.getDouble(1);
                            System.out.printf(
                                    Locale.ROOT,
                                    "  first to last PROCESSED: %.1f s = %s messages/s once polling has begun%n",
                                    seconds,
                                    seconds > 0 ? Bench.fmt((messages - 1) / seconds) : "-");
                        }
                    }
                }
                try (Connection c = Bench.connect(SCHEMA);
                        Statement s = c.createStatement();
                        ResultSet rows = s.executeQuery("select status, count(*) from email_intake group by status")) {
                    while (rows.next()) {
                        System.out.println("  intake rows " + rows.getString(1) + ": " + rows.getLong(2));
                    }
                }
                long ticketMessages;
                long linked;
                try (Connection c = Bench.connect(SCHEMA);
                        Statement s = c.createStatement();
                        ResultSet rows =
                                s.executeQuery("select count(*) from ticket_message where channel = 'EMAIL'")) {
                    rows.next();
                    ticketMessages = rows.getLong(1);
                }
                try (Connection c = Bench.connect(SCHEMA);
                        PreparedStatement s = c.prepareStatement(
                                "select count(distinct ticket_message_id) from email_intake where route_key = ?")) {
                    s.setString(1, route);
                    try (ResultSet rows = s.executeQuery()) {
                        rows.next();
                        linked = rows.getLong(1);
                    }
                }
                System.out.println("  ticket messages from e-mail: " + ticketMessages + " (expected " + messages
                        + " and " + warmup + " from the warm-up), distinct ones linked to the mailbox's intake rows: "
                        + linked);
                String mailbox = http.send(
                                Bench.apiGet(
                                        URI.create(app.base() + "/api/v1/channels/email/mailboxes/" + id.group(1))),
                                HttpResponse.BodyHandlers.ofString())
                        .body();
                Matcher error = Pattern.compile("\"lastError\"\\s*:\\s*(null|\"[^\"]*\")")
                        .matcher(mailbox);
                System.out.println("  mailbox lastError: " + (error.find() ? error.group(1) : "?"));

                int total;
                int unseen;
                Store store = Session.getInstance(new Properties()).getStore("imap");
                try (store) {
                    store.connect(host, port, login, password);
                    Folder inbox = store.getFolder("INBOX");
                    inbox.open(Folder.READ_ONLY);
                    total = inbox.getMessageCount();
                    unseen = inbox.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false)).length;
                    inbox.close(false);
                }
                System.out.println(
                        "  on the server: " + total + " messages, " + (total - unseen) + " \\Seen, " + unseen + " not");

                assertThat(processed).as("messages PROCESSED").isEqualTo(messages);
                assertThat(ticketMessages).as("ticket messages from e-mail").isEqualTo(messages + warmup);
                assertThat(linked).as("distinct ticket messages of the intake").isEqualTo(messages);
                assertThat(total).as("messages on the server").isEqualTo(messages);
                assertThat(unseen).as("messages not flagged \\Seen").isZero();
                if (enforce) {
                    assertThat(processed / (elapsed / 1e9)).as("messages/s").isGreaterThanOrEqualTo(TARGET);
                }
            }
        } finally {
            if (imap != null) {
                imap.stop();
            }
            if (!keep) {
                Bench.dropSchema(SCHEMA);
            }
        }
    }

    /** The same corpus through the raw-MIME pipe, one at a time, before the mailbox is created. */
    private void warmUp(HttpClient http, URI inbound) throws Exception {
        MailCorpus warm = new MailCorpus("w");
        for (int n = 1; n <= warmup; n++) {
            HttpResponse<String> answer = http.send(
                    HttpRequest.newBuilder(inbound)
                            .header("Authorization", "Bearer " + Bench.TOKEN)
                            .header("Content-Type", "message/rfc822")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(warm.mail(n)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode())
                    .as("warm-up message %d: %s", n, answer.body())
                    .isEqualTo(202);
        }
    }

    /** Empties the external server's INBOX and appends the corpus, 500 messages per APPEND. */
    private void fill(Session session, String host, int port, String login, String password) throws Exception {
        try (Store store = session.getStore("imap")) {
            store.connect(host, port, login, password);
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            Message[] old = inbox.getMessages();
            if (old.length > 0) {
                inbox.setFlags(old, new Flags(Flags.Flag.DELETED), true);
            }
            inbox.close(true);
            List<Message> batch = new ArrayList<>();
            for (int n = 1; n <= messages; n++) {
                batch.add(new MimeMessage(session, new ByteArrayInputStream(corpus.mail(n))));
                if (batch.size() == 500 || n == messages) {
                    inbox.appendMessages(batch.toArray(Message[]::new));
                    batch.clear();
                }
            }
        }
    }

    /** How long the server takes to answer one FETCH of the first 100 messages' UIDs, flags and sizes. */
    private static double fetchCost(Session session, String host, int port, String login, String password)
            throws Exception {
        try (Store store = session.getStore("imap")) {
            store.connect(host, port, login, password);
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            Message[] first = inbox.getMessages(1, Math.min(100, inbox.getMessageCount()));
            FetchProfile profile = new FetchProfile();
            profile.add(UIDFolder.FetchProfileItem.UID);
            profile.add(FetchProfile.Item.FLAGS);
            profile.add(FetchProfile.Item.SIZE);
            long start = System.nanoTime();
            inbox.fetch(first, profile);
            double millis = (System.nanoTime() - start) / 1e6;
            inbox.close(false);
            return millis;
        }
    }

    private static int unseen(Session session, String host, int port, String login, String password) throws Exception {
        try (Store store = session.getStore("imap")) {
            store.connect(host, port, login, password);
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            int unseen = inbox.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false)).length;
            inbox.close(false);
            return unseen;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
