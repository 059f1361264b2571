package it.sportello.channel.email;

import it.sportello.channel.email.inbound.AutoReplyDetection;
import it.sportello.channel.email.inbound.BounceReport;
import it.sportello.channel.email.inbound.InboundAttachments;
import it.sportello.channel.email.inbound.InboundLedger;
import it.sportello.channel.email.inbound.InboundLedger.InboundRecord;
import it.sportello.channel.email.inbound.InboundNotes;
import it.sportello.channel.email.inbound.InboundRoutes;
import it.sportello.channel.email.inbound.InboundStatus;
import it.sportello.channel.email.inbound.MimeParsing;
import it.sportello.channel.email.inbound.ParsedEmail;
import it.sportello.channel.email.inbound.QuotedHistory;
import it.sportello.channel.email.inbound.RawMessageStore;
import it.sportello.channel.email.inbound.Threading;
import it.sportello.channel.email.inbound.UnreadableMessageException;
import it.sportello.customer.Customer;
import it.sportello.customer.CustomerManagement;
import it.sportello.shared.NotFoundException;
import it.sportello.shared.PayloadTooLargeException;
import it.sportello.shared.SafeHtml;
import it.sportello.shared.UnsupportedContentException;
import it.sportello.ticket.Channel;
import it.sportello.ticket.Ticket;
import it.sportello.ticket.TicketId;
import it.sportello.ticket.TicketManagement;
import it.sportello.ticket.TicketManagement.Body;
import it.sportello.ticket.TicketManagement.Upload;
import jakarta.persistence.EntityManager;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.UnexpectedRollbackException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Inbound e-mail, store first: a raw message is written to disk and recorded ({@code RECEIVED})
 * before anything else; processing then reads the stored copy and, in one transaction, creates
 * the ticket message and marks the record {@code PROCESSED}. A crash leaves the record waiting,
 * and the recovery task finishes it; the row lock makes sure only one processor ever does. The
 * same message again (same Message-ID, or same bytes without one, on the same route) is
 * recognised and answered with what the first delivery made. Mailboxes and the pipe endpoint
 * both come through {@link #accept}.
 */
@Service
public class EmailIntake {

    private static final Logger log = LoggerFactory.getLogger(EmailIntake.class);
    private static final int ATTEMPTS = 4;

    private final RawMessageStore store;
    private final InboundLedger ledger;
    private final InboundRoutes routes;
    private final MimeParsing parsing;
    private final AutoReplyDetection detection;
    private final Threading threading;
    private final InboundAttachments attachments;
    private final InboundNotes notes;
    private final TicketManagement tickets;
    private final CustomerManagement customers;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final EntityManager entities;

    EmailIntake(
            RawMessageStore store,
            InboundLedger ledger,
            InboundRoutes routes,
            MimeParsing parsing,
            AutoReplyDetection detection,
            Threading threading,
            InboundAttachments attachments,
            InboundNotes notes,
            TicketManagement tickets,
            CustomerManagement customers,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactionManager,
            Clock clock,
            EntityManager entities) {
        this.entities = entities;
        this.store = store;
        this.ledger = ledger;
        this.routes = routes;
        this.parsing = parsing;
        this.detection = detection;
        this.threading = threading;
        this.attachments = attachments;
        this.notes = notes;
        this.tickets = tickets;
        this.customers = customers;
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /**
     * What became of a message: its record, its ticket (if any), its status and, for failed or
     * ignored ones, why. {@code duplicate} when it had been received before on the same route.
     */
    public record IntakeResult(long intakeId, Long ticketId, InboundStatus status, String reason, boolean duplicate) {

        static IntakeResult of(InboundRecord record, boolean duplicate) {
            return new IntakeResult(record.id(), record.ticketId(), record.status(), record.failureReason(), duplicate);
        }
    }

    /** A stored message: its record and whether the route already had it. */
    public record Stored(long intakeId, boolean duplicate) {}

    /** Stores the raw message, then processes it (a duplicate is only looked up, or finished if still waiting). */
    public IntakeResult accept(MailboxRoute route, InputStream raw) {
        Stored stored = store(route, raw);
        IntakeResult result = process(stored.intakeId(), route);
        return stored.duplicate()
                ? new IntakeResult(result.intakeId(), result.ticketId(), result.status(), result.reason(), true)
                : result;
    }

    /**
     * The first half of {@link #accept}: the message on disk and recorded as {@code RECEIVED}, and
     * nothing else. What a mailbox poller does before it acknowledges a message to its server; the
     * recovery task processes whatever is left here.
     *
     * @throws PayloadTooLargeException beyond {@code sportello.email.max-message-size}
     */
    public Stored store(MailboxRoute route, InputStream raw) {
        RawMessageStore.StoredRaw copy = store.store(raw);
        String messageId = parsing.messageIdOf(store.path(copy.path()));
        String key = messageId != null && messageId.length() <= 900 ? messageId : "sha256:" + copy.sha256();
        Optional<Long> id = ledger.record(route.key(), messageId, key, copy, Instant.now(clock));
        if (id.isPresent()) {
            return new Stored(id.get(), false);
        }
        store.delete(copy.path());
        InboundRecord first = ledger.findByKey(route.key(), key)
                .orElseThrow(() -> new IllegalStateException("Duplicate of a message that is not recorded: " + key));
        return new Stored(first.id(), true);
    }

    /** Processes a waiting message; one already processed, failed or ignored is only reported. */
    public IntakeResult process(long intakeId) {
        InboundRecord record =
                ledger.find(intakeId).orElseThrow(() -> new NotFoundException("Inbound e-mail", intakeId));
        return process(intakeId, routes.forKey(record.routeKey()));
    }

    /** Puts a failed (or ignored) message back in line and processes it again from its stored copy. */
    public IntakeResult replay(long intakeId) {
        InboundRecord record =
                ledger.find(intakeId).orElseThrow(() -> new NotFoundException("Inbound e-mail", intakeId));
        ledger.reopen(record.id());
        return process(intakeId, routes.forKey(record.routeKey()));
    }

    /** The largest raw message accepted ({@code sportello.email.max-message-size}). */
    public long maxMessageSize() {
        return store.maxSize();
    }

    public Optional<InboundRecord> find(long intakeId) {
        return ledger.find(intakeId);
    }

    public List<InboundRecord> withStatus(InboundStatus status, int limit) {
        return ledger.withStatus(status, limit);
    }

    /** Processes messages left waiting longer than {@code olderThan} (a crash, a restart); returns how many. */
    public int processWaiting(Duration olderThan) {
        int done = 0;
        for (long id : ledger.waitingSince(Instant.now(clock).minus(olderThan), 200)) {
            try {
                process(id);
                done++;
            } catch (RuntimeException e) {
                log.warn("Inbound e-mail {} could not be recovered now; it stays waiting", id, e);
            }
        }
        return done;
    }

    private IntakeResult process(long intakeId, MailboxRoute route) {
        InboundRecord record =
                ledger.find(intakeId).orElseThrow(() -> new NotFoundException("Inbound e-mail", intakeId));
        if (record.status() != InboundStatus.RECEIVED) {
            return IntakeResult.of(record, false);
        }
        try (ParsedEmail email = parsing.parse(store.path(record.rawPath()))) {
            boolean automatic = detection.automatic(email).isPresent();
            InboundAttachments.Sorted files = attachments.sort(email.attachments());
            try {
                return inTransaction(intakeId, route, email, automatic, files);
            } catch (UnsupportedContentException | PayloadTooLargeException refusedFile) {
                // The store refused a file the pre-check let through: keep the message, note the files.
                List<InboundAttachments.Refused> all = new ArrayList<>(files.refused());
                files.accepted().forEach(u -> all.add(new InboundAttachments.Refused(u.fileName(), "unreadable")));
                return inTransaction(intakeId, route, email, automatic, new InboundAttachments.Sorted(List.of(), all));
            }
        } catch (UnreadableMessageException e) {
            return failed(intakeId, e.getMessage());
        } catch (RuntimeException e) {
            if (e instanceof TransientDataAccessException || e instanceof ConcurrencyFailureException) {
                throw e; // the database is the problem, not the message: it stays waiting for recovery
            }
            log.warn("Inbound e-mail {} failed", intakeId, e);
            return failed(intakeId, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private IntakeResult failed(long intakeId, String reason) {
        ledger.markFailed(intakeId, reason, Instant.now(clock));
        return IntakeResult.of(ledger.find(intakeId).orElseThrow(), false);
    }

    private IntakeResult inTransaction(
            long intakeId, MailboxRoute route, ParsedEmail email, boolean automatic, InboundAttachments.Sorted files) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(tx -> {
                    InboundRecord locked = ledger.lock(intakeId).orElseThrow();
                    if (locked.status() != InboundStatus.RECEIVED) {
                        return IntakeResult.of(locked, false); // another processor finished it first
                    }
                    Instant now = Instant.now(clock);
                    if (route.deskAddresses().stream().anyMatch(email.senderAddress()::equalsIgnoreCase)) {
                        ledger.markIgnored(
                                intakeId, "sent from the desk's own address " + email.senderAddress(), automatic, now);
                        return IntakeResult.of(ledger.find(intakeId).orElseThrow(), false);
                    }
                    if (email.bounce().isPresent()) {
                        return bounce(locked, route, email, email.bounce().get(), files, now);
                    }
                    return message(locked, route, email, automatic, files, now);
                });
            } catch (DataIntegrityViolationException | ConcurrencyFailureException | UnexpectedRollbackException e) {
                // Lost a race (a new customer created twice, a ticket written at once): try afresh.
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private IntakeResult message(
            InboundRecord record,
            MailboxRoute route,
            ParsedEmail email,
            boolean automatic,
            InboundAttachments.Sorted files,
            Instant now) {
        Optional<Customer> known = customers.findByEmail(email.senderAddress());
        Optional<TicketId> thread = known.flatMap(c -> threading.ticketFor(email, c.id()));
        Body body = bodyOf(email);
        List<Upload> uploads = files.accepted();
        TicketId ticketId;
        it.sportello.ticket.MessageId messageId;
        Customer customer;
        boolean newTicket = thread.isEmpty();
        if (thread.isPresent() && automatic) {
            // An out-of-office answer to our reply is worth knowing, not a turn in the conversation:
            // a note, so a pending or solved ticket stays as it is.
            customer = known.get();
            var posted = tickets.addSystemNote(
                    thread.get(),
                    new Body(notes.automaticReply(email.senderAddress()) + "\n\n" + textOf(body), null),
                    Channel.EMAIL,
                    uploads);
            ticketId = thread.get();
            messageId = posted.message().messageId();
        } else if (thread.isPresent()) {
            customer = known.get();
            var posted = tickets.receiveFollowUp(thread.get(), customer.id(), body, Channel.EMAIL, uploads);
            ticketId = thread.get();
            messageId = posted.message().messageId();
        } else {
            String subject = email.subject().isBlank() ? notes.emptySubject() : email.subject();
            var opened = tickets.receive(
                    new TicketManagement.NewTicket(
                            subject,
                            new TicketManagement.Requester(null, email.senderAddress(), null, email.senderName(), null),
                            body,
                            Channel.EMAIL,
                            null,
                            List.of(),
                            null,
                            null,
                            uploads),
                    route.group());
            Ticket ticket = opened.details().ticket();
            customer = opened.requester();
            ticketId = ticket.id();
            messageId = opened.details().messages().getFirst().messageId();
        }
        if (!files.refused().isEmpty()) {
            tickets.addSystemNote(ticketId, new Body(notes.refused(files.refused()), null), Channel.EMAIL, List.of());
        }
        // The ticket's rows must be written before the record (plain JDBC) points at them.
        entities.flush();
        ledger.markProcessed(record.id(), ticketId.value(), messageId.value(), automatic, now);
        events.publishEvent(new InboundEmailAccepted(
                record.id(),
                ticketId,
                messageId,
                customer.id(),
                email.senderAddress(),
                customer.locale(),
                newTicket,
                automatic,
                route.replyFrom(),
                now,
                email.messageId(),
                oldestFirst(email.referencedIds())));
        return new IntakeResult(record.id(), ticketId.value(), InboundStatus.PROCESSED, null, false);
    }

    /**
     * A delivery report about one of our messages: an internal note on its ticket (never a
     * customer message, so never a reopen), the failed addresses remembered; never answered.
     */
    private IntakeResult bounce(
            InboundRecord record,
            MailboxRoute route,
            ParsedEmail email,
            BounceReport report,
            InboundAttachments.Sorted files,
            Instant now) {
        Optional<TicketId> ticket =
                Optional.ofNullable(report.originalMessageId()).flatMap(threading::ticketOfOurs);
        if (ticket.isEmpty()) {
            ledger.markIgnored(
                    record.id(),
                    "delivery report about a message the desk did not send"
                            + (report.originalMessageId() == null
                                    ? " (no Message-ID in it)"
                                    : ": " + report.originalMessageId()),
                    true,
                    now);
            return IntakeResult.of(ledger.find(record.id()).orElseThrow(), false);
        }
        Ticket original = tickets.find(ticket.get()).orElseThrow();
        List<String> failing = new ArrayList<>();
        for (BounceReport.Recipient recipient : report.recipients()) {
            // Only an address of the ticket's requester, which is where the bounced message went: a
            // forged report naming someone else's address must not cut them off.
            boolean requesters = customers
                    .findByEmail(recipient.address())
                    .map(c -> c.id().equals(original.requester()))
                    .orElse(false);
            if (recipient.failedPermanently() && requesters) {
                ledger.markAddressFailing(
                        recipient.address(),
                        recipient.status() + " " + (recipient.diagnostic() == null ? "" : recipient.diagnostic()),
                        record.id(),
                        now);
                failing.add(recipient.address());
            }
        }
        var note = tickets.addSystemNote(
                ticket.get(),
                new Body(notes.bounce(email.senderAddress(), report, failing), null),
                Channel.EMAIL,
                files.accepted());
        entities.flush();
        ledger.markProcessed(
                record.id(), ticket.get().value(), note.message().messageId().value(), true, now);
        Customer requester = customers.get(original.requester());
        events.publishEvent(new InboundEmailAccepted(
                record.id(),
                ticket.get(),
                note.message().messageId(),
                requester.id(),
                email.senderAddress(),
                requester.locale(),
                false,
                true,
                route.replyFrom(),
                now));
        return new IntakeResult(record.id(), ticket.get().value(), InboundStatus.PROCESSED, null, false);
    }

    /** The thread a mail answered, oldest first, as the answer's {@code References} lists it. */
    private static List<String> oldestFirst(List<String> newestFirst) {
        List<String> chain = new ArrayList<>(new java.util.LinkedHashSet<>(newestFirst));
        java.util.Collections.reverse(chain);
        return chain;
    }

    private static String textOf(Body body) {
        return body.html() != null ? SafeHtml.fromUntrustedHtml(body.html()).text() : body.text();
    }

    /** Text and HTML as sent; HTML that shows no text (only images) gives way to the plain text. */
    private Body bodyOf(ParsedEmail email) {
        String html = email.html();
        if (html != null && SafeHtml.fromUntrustedHtml(html).text().isBlank()) {
            html = null;
        }
        String text = email.text();
        if (html == null && (text == null || text.isBlank())) {
            text = notes.emptyBody();
        }
        Body body = new Body(text, html);
        // Located in the text the ticket keeps (from the HTML when there is one), so the offset fits it.
        OptionalInt quotedFrom = QuotedHistory.quotedFrom(body.plainText());
        return quotedFrom.isPresent() ? body.withQuotedFrom(quotedFrom.getAsInt()) : body;
    }
}
