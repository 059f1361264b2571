package it.sportello.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * Fills a migrated PostgreSQL schema with a realistic desk, fast: customers (one in twenty
 * tickets, 50,000 for 1,000,000) with an e-mail address each, twenty agents, and tickets spread
 * over two years, each with its first message from the customer. About 85 % are solved or
 * closed; the unsolved ones lean towards the recent past, as on a real desk. Rows go in with
 * {@code COPY} in one transaction, with the secondary indexes of the ticket tables dropped and
 * rebuilt afterwards (a failure leaves the schema as it was); ids start past every id and every
 * sequence block already handed out, and the sequences are moved past the new rows so the
 * application keeps inserting. Finishes with {@code VACUUM ANALYZE}.
 *
 * <p>Standalone: {@code java -cp ... it.sportello.benchmark.TicketSeeder
 * 'jdbc:postgresql://127.0.0.1:5432/test?currentSchema=sportello_bench' postgres 1000000}
 */
public final class TicketSeeder {

    /** The step of every id sequence (see {@code SequenceIds.BLOCK}). */
    private static final int BLOCK = 50;

    private static final long DAY = Duration.ofDays(1).toMillis();
    private static final long HOUR = Duration.ofHours(1).toMillis();
    private static final long MINUTE = Duration.ofMinutes(1).toMillis();
    private static final int AGENTS = 20;
    private static final int CHUNK = 20_000;

    private static final String[] CHANNELS = {"EMAIL", "WEB", "CHAT", "PHONE", "SOCIAL", "REVIEW", "IN_PERSON"};
    private static final double[] CHANNEL_WEIGHTS = {0.45, 0.20, 0.15, 0.10, 0.06, 0.02, 0.02};
    private static final String[] PRIORITIES = {"LOW", "NORMAL", "HIGH", "URGENT"};
    private static final double[] PRIORITY_WEIGHTS = {0.20, 0.60, 0.15, 0.05};
    private static final String[] UNSOLVED = {"NEW", "OPEN", "PENDING", "ON_HOLD"};
    private static final double[] UNSOLVED_WEIGHTS = {0.30, 0.40, 0.20, 0.10};
    private static final String[] TAGS = {"fattura", "spedizione", "reso", "garanzia", "account", "rimborso"};
    private static final String[] SUBJECTS = {
        "Ordine non ancora arrivato",
        "Richiesta di reso",
        "Fattura errata",
        "Problema con il pagamento",
        "Prodotto difettoso",
        "Cambio indirizzo di spedizione",
        "Non riesco ad accedere al mio account",
        "Informazioni sulla garanzia",
        "Rimborso non ricevuto",
        "Domanda su un prodotto",
    };
    private static final String[] FIRST_NAMES = {
        "Giulia", "Marco", "Sofia", "Luca", "Chiara", "Matteo", "Francesca", "Alessandro", "Elena", "Davide"
    };
    private static final String[] LAST_NAMES = {
        "Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Marino", "Greco"
    };

    private final Connection connection;
    private final SplittableRandom random;
    private final Consumer<String> log;

    /** {@code log} takes the progress lines. */
    public TicketSeeder(Connection connection, long randomSeed, Consumer<String> log) {
        this.connection = connection;
        this.random = new SplittableRandom(randomSeed);
        this.log = log;
    }

    /** What was seeded and how long it took. */
    public record Seeded(int tickets, int customers, long firstTicketId, Duration took) {}

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: TicketSeeder <jdbc-url with currentSchema> [user] [tickets] [customers]");
            System.exit(2);
        }
        String user = args.length > 1 ? args[1] : "postgres";
        int tickets = args.length > 2 ? Integer.parseInt(args[2].replace("_", "")) : 1_000_000;
        int customers = args.length > 3 ? Integer.parseInt(args[3]) : defaultCustomers(tickets);
        try (Connection c =
                DriverManager.getConnection(args[0], user, System.getenv().getOrDefault("PGPASSWORD", ""))) {
            new TicketSeeder(c, 42, System.out::println).seed(tickets, customers);
        }
    }

    public static int defaultCustomers(int tickets) {
        return Math.max(1, tickets / 20);
    }

    public Seeded seed(int tickets, int customers) throws SQLException, IOException {
        long started = System.nanoTime();
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        long firstTicket;
        try (Statement s = connection.createStatement()) {
            s.execute("set local maintenance_work_mem = '256MB'");
            s.execute("set local synchronous_commit = off");
            disableTriggersIfAllowed(s);
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();

            long firstCustomer = firstFreeId("customer", "customer_seq");
            long firstIdentity = firstFreeId("customer_identity", "customer_identity_seq");
            firstTicket = firstFreeId("ticket", "ticket_seq");
            long firstMessage = firstFreeId("ticket_message", "ticket_message_seq");
            long[] agents = agents(s);

            Map<String, String> indexes = secondaryIndexes(List.of("ticket", "ticket_message", "ticket_tag"));
            for (String index : indexes.keySet()) {
                s.execute("drop index " + index);
            }

            long now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toEpochMilli();
            long start = now - 730 * DAY;
            long t0 = System.nanoTime();
            copyCustomers(copy, customers, firstCustomer, firstIdentity, start);
            log.accept(String.format(
                    Locale.ROOT, "  customers: %,d (+ e-mail identities) in %.1f s", customers, secs(t0)));

            t0 = System.nanoTime();
            copyTickets(copy, tickets, customers, firstCustomer, firstTicket, firstMessage, agents, start, now);
            log.accept(String.format(
                    Locale.ROOT, "  tickets: %,d (+ one message each, tags) in %.1f s", tickets, secs(t0)));

            t0 = System.nanoTime();
            for (String definition : indexes.values()) {
                s.execute(definition);
            }
            log.accept(
                    String.format(Locale.ROOT, "  %d secondary indexes rebuilt in %.1f s", indexes.size(), secs(t0)));

            advance(s, "customer", "customer_seq");
            advance(s, "customer_identity", "customer_identity_seq");
            advance(s, "ticket", "ticket_seq");
            advance(s, "ticket_message", "ticket_message_seq");
            advance(s, "app_user", "app_user_seq");
            connection.commit();
        } catch (SQLException | IOException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
        long t0 = System.nanoTime();
        connection.setAutoCommit(true);
        try (Statement s = connection.createStatement()) {
            for (String table :
                    List.of("customer", "customer_identity", "app_user", "ticket", "ticket_message", "ticket_tag")) {
                s.execute("vacuum analyze " + table);
            }
        } finally {
            connection.setAutoCommit(autoCommit);
        }
        log.accept(String.format(Locale.ROOT, "  vacuum analyze in %.1f s", secs(t0)));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        log.accept(String.format(
                Locale.ROOT,
                "Seeded %,d tickets for %,d customers in %.1f s",
                tickets,
                customers,
                took.toMillis() / 1e3));
        return new Seeded(tickets, customers, firstTicket, took);
    }

    private void disableTriggersIfAllowed(Statement s) throws SQLException {
        // Skips the foreign-key triggers while loading rows that are consistent by construction (superuser only).
        s.execute("savepoint replica");
        try {
            s.execute("set local session_replication_role = replica");
            s.execute("release savepoint replica");
        } catch (SQLException e) {
            s.execute("rollback to savepoint replica");
            log.accept("  (foreign keys checked row by row: " + e.getMessage() + ")");
        }
    }

    /** Past every row and every block of ids the sequence may already have handed out. */
    private long firstFreeId(String table, String sequence) throws SQLException {
        long maxId;
        long lastValue;
        try (Statement s = connection.createStatement()) {
            try (ResultSet r = s.executeQuery("select coalesce(max(id), 0) from " + table)) {
                r.next();
                maxId = r.getLong(1);
            }
            try (ResultSet r = s.executeQuery("select last_value from " + sequence)) {
                r.next();
                lastValue = r.getLong(1);
            }
        }
        return Math.max(maxId, lastValue + BLOCK) + 1;
    }

    /** After this, {@code nextval} returns a value whose whole block lies past every seeded id. */
    private static void advance(Statement s, String table, String sequence) throws SQLException {
        s.execute("select setval('" + sequence + "', greatest((select coalesce(max(id), 0) from " + table
                + "), (select last_value from " + sequence + ")) + " + BLOCK + ")");
    }

    private long[] agents(Statement s) throws SQLException {
        long first = firstFreeId("app_user", "app_user_seq");
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into app_user (id, email, display_name, password_hash, role, locale, active, created_at, updated_at, version)
                values (?, ?, ?, null, 'AGENT', 'IT', true, now(), now(), 0)
                on conflict (email) do nothing""")) {
            for (int i = 0; i < AGENTS; i++) {
                insert.setLong(1, first + i);
                insert.setString(2, "agent" + i + "@seed.sportello.bench");
                insert.setString(
                        3, FIRST_NAMES[i % FIRST_NAMES.length] + " " + LAST_NAMES[(i * 3) % LAST_NAMES.length]);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        List<Long> ids = new ArrayList<>();
        try (ResultSet r =
                s.executeQuery("select id from app_user where email like 'agent%@seed.sportello.bench' order by id")) {
            while (r.next()) {
                ids.add(r.getLong(1));
            }
        }
        return ids.stream().mapToLong(Long::longValue).toArray();
    }

    private Map<String, String> secondaryIndexes(List<String> tables) throws SQLException {
        Map<String, String> indexes = new LinkedHashMap<>();
        try (PreparedStatement q = connection.prepareStatement("""
                select i.indexname, i.indexdef from pg_indexes i
                where i.schemaname = current_schema() and i.tablename = any (?)
                  and not exists (select 1 from pg_constraint c join pg_class x on x.oid = c.conindid
                                  where x.relname = i.indexname and c.connamespace = (
                                      select oid from pg_namespace where nspname = current_schema()))
                order by i.indexname""")) {
            q.setArray(1, connection.createArrayOf("text", tables.toArray()));
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    indexes.put(r.getString(1), r.getString(2));
                }
            }
        }
        return indexes;
    }

    private void copyCustomers(CopyManager copy, int customers, long firstCustomer, long firstIdentity, long start)
            throws SQLException, IOException {
        CopyIn in = copy.copyIn("copy customer (id, name, organisation_id, locale, journey_stage, user_id,"
                + " created_at, updated_at, version) from stdin");
        StringBuilder rows = new StringBuilder(1 << 20);
        String[] stages = {"AWARENESS", "CONSIDERATION", "DECISION", "POST_PURCHASE"};
        for (int i = 0; i < customers; i++) {
            String created = ts(start - (long) (random.nextDouble() * 60 * DAY));
            rows.append(firstCustomer + i)
                    .append('\t')
                    .append(FIRST_NAMES[random.nextInt(FIRST_NAMES.length)])
                    .append(' ')
                    .append(LAST_NAMES[random.nextInt(LAST_NAMES.length)])
                    .append('\t')
                    .append("\\N\t")
                    .append(random.nextInt(10) == 0 ? "EN" : "IT")
                    .append('\t')
                    .append(stages[random.nextInt(stages.length)])
                    .append('\t')
                    .append("\\N\t")
                    .append(created)
                    .append('\t')
                    .append(created)
                    .append('\t')
                    .append("0\n");
            flushIfFull(in, rows, i);
        }
        finish(in, rows);

        in = copy.copyIn("copy customer_identity (id, customer_id, kind, address, created_at) from stdin");
        for (int i = 0; i < customers; i++) {
            rows.append(firstIdentity + i)
                    .append('\t')
                    .append(firstCustomer + i)
                    .append('\t')
                    .append("EMAIL\t")
                    .append("seed-")
                    .append(firstCustomer + i)
                    .append("@example.it\t")
                    .append(ts(start))
                    .append('\n');
            flushIfFull(in, rows, i);
        }
        finish(in, rows);
    }

    private void copyTickets(
            CopyManager copy,
            int tickets,
            int customers,
            long firstCustomer,
            long firstTicket,
            long firstMessage,
            long[] agents,
            long start,
            long now)
            throws SQLException, IOException {
        // Three COPY streams cannot be open at once on one connection: tickets first, then messages and tags
        // from the same random sequence replayed (the per-ticket values are derived from a per-ticket seed).
        long span = now - start;
        long base = random.nextLong();
        CopyIn in = copy.copyIn("copy ticket (id, subject, status, priority, channel, requester_id, assignee_id,"
                + " group_id, created_at, updated_at, first_reply_at, last_customer_message_at, last_agent_reply_at,"
                + " solved_at, closed_at, reopened_count, merged_into_id, version) from stdin");
        StringBuilder rows = new StringBuilder(1 << 22);
        for (int i = 0; i < tickets; i++) {
            Row t = row(base, i, tickets, customers, firstCustomer, agents, start, span, now);
            rows.append(firstTicket + i)
                    .append('\t')
                    .append(t.subject)
                    .append('\t')
                    .append(t.status)
                    .append('\t')
                    .append(t.priority)
                    .append('\t')
                    .append(t.channel)
                    .append('\t')
                    .append(t.requester)
                    .append('\t')
                    .append(t.assignee == 0 ? "\\N" : Long.toString(t.assignee))
                    .append('\t')
                    .append("\\N\t")
                    .append(ts(t.created))
                    .append('\t')
                    .append(ts(t.updated))
                    .append('\t')
                    .append(tsOrNull(t.firstReply))
                    .append('\t')
                    .append(ts(t.created))
                    .append('\t')
                    .append(tsOrNull(t.firstReply))
                    .append('\t')
                    .append(tsOrNull(t.solved))
                    .append('\t')
                    .append(tsOrNull(t.closed))
                    .append('\t')
                    .append(t.reopened)
                    .append('\t')
                    .append("\\N\t")
                    .append(t.version)
                    .append('\n');
            flushIfFull(in, rows, i);
        }
        finish(in, rows);

        in = copy.copyIn("copy ticket_message (id, ticket_id, author_type, author_user_id, author_customer_id,"
                + " is_internal, channel, body_text, body_html, created_at) from stdin");
        for (int i = 0; i < tickets; i++) {
            Row t = row(base, i, tickets, customers, firstCustomer, agents, start, span, now);
            String body = "Buongiorno, vi scrivo per la pratica " + (firstTicket + i) + ": "
                    + t.subject.toLowerCase(Locale.ROOT) + ". Potete aiutarmi a capire come procedere? Grazie mille.";
            rows.append(firstMessage + i)
                    .append('\t')
                    .append(firstTicket + i)
                    .append('\t')
                    .append("CUSTOMER\t\\N\t")
                    .append(t.requester)
                    .append('\t')
                    .append("f\t")
                    .append(t.channel)
                    .append('\t')
                    .append(body)
                    .append('\t')
                    .append("<p>")
                    .append(body)
                    .append("</p>\t")
                    .append(ts(t.created))
                    .append('\n');
            flushIfFull(in, rows, i);
        }
        finish(in, rows);

        in = copy.copyIn("copy ticket_tag (ticket_id, tag) from stdin");
        for (int i = 0; i < tickets; i++) {
            Row t = row(base, i, tickets, customers, firstCustomer, agents, start, span, now);
            if (t.tag != null) {
                rows.append(firstTicket + i).append('\t').append(t.tag).append('\n');
            }
            flushIfFull(in, rows, i);
        }
        finish(in, rows);
    }

    private record Row(
            String subject,
            String status,
            String priority,
            String channel,
            long requester,
            long assignee,
            long created,
            long updated,
            long firstReply,
            long solved,
            long closed,
            int reopened,
            int version,
            String tag) {}

    /** Ticket {@code i} of {@code n}, in order of creation; the same {@code base} and {@code i} give the same row. */
    private static Row row(
            long base,
            int i,
            int n,
            int customers,
            long firstCustomer,
            long[] agents,
            long start,
            long span,
            long now) {
        SplittableRandom r = new SplittableRandom(base + i * 0x9E3779B97F4A7C15L);
        double age = (double) i / n; // 0 = two years ago, 1 = now
        long created = start + (long) ((i + r.nextDouble()) * span / n);
        // A real desk: the newest 5 % of tickets are mostly still open; older ones mostly done.
        boolean unsolved = r.nextDouble() < (age > 0.95 ? 0.75 : 0.1184);
        String status;
        long updated;
        long firstReply = 0;
        long solved = 0;
        long closed = 0;
        int reopened = r.nextInt(20) == 0 ? 1 : 0;
        if (unsolved) {
            status = pick(r, UNSOLVED, UNSOLVED_WEIGHTS);
            updated = created + (long) (r.nextDouble() * (now - created));
            if (!status.equals("NEW")) {
                firstReply = Math.min(updated, created + 5 * MINUTE + (long) (r.nextDouble() * DAY));
            } else {
                updated = created + (long) (r.nextDouble() * Math.min(now - created, HOUR));
                reopened = 0;
            }
        } else {
            firstReply = created + 5 * MINUTE + (long) (r.nextDouble() * DAY);
            updated = Math.min(now, firstReply + HOUR + (long) (r.nextDouble() * 10 * DAY));
            firstReply = Math.min(firstReply, updated);
            boolean recent = now - updated < 7 * DAY;
            if (recent || r.nextDouble() < 0.3) {
                status = "SOLVED";
                solved = updated;
            } else {
                status = "CLOSED";
                solved = updated - Math.min(updated - firstReply, 4 * DAY);
                closed = updated;
            }
        }
        double c = r.nextDouble();
        long requester = firstCustomer + (long) (c * c * customers) % customers;
        long assignee = status.equals("NEW") || r.nextDouble() < 0.2 ? 0 : agents[r.nextInt(agents.length)];
        String tag = r.nextDouble() < 0.3 ? TAGS[r.nextInt(TAGS.length)] : null;
        return new Row(
                SUBJECTS[r.nextInt(SUBJECTS.length)],
                status,
                pick(r, PRIORITIES, PRIORITY_WEIGHTS),
                pick(r, CHANNELS, CHANNEL_WEIGHTS),
                requester,
                assignee,
                created,
                updated,
                firstReply,
                solved,
                closed,
                reopened,
                status.equals("NEW") ? 0 : 1 + r.nextInt(6),
                tag);
    }

    private static String pick(SplittableRandom r, String[] values, double[] weights) {
        double x = r.nextDouble();
        for (int i = 0; i < values.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }

    private static void flushIfFull(CopyIn in, StringBuilder rows, int i) throws SQLException {
        if (i % CHUNK == CHUNK - 1) {
            byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
            in.writeToCopy(bytes, 0, bytes.length);
            rows.setLength(0);
        }
    }

    private static void finish(CopyIn in, StringBuilder rows) throws SQLException {
        byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
        if (bytes.length > 0) {
            in.writeToCopy(bytes, 0, bytes.length);
        }
        rows.setLength(0);
        in.endCopy();
    }

    private static String ts(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).toString();
    }

    private static String tsOrNull(long epochMillis) {
        return epochMillis == 0 ? "\\N" : ts(epochMillis);
    }

    private static double secs(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
