package it.sportello.channel.email;

import it.sportello.channel.email.inbound.BounceReport;
import it.sportello.channel.email.inbound.InboundAttachments;
import it.sportello.channel.email.inbound.InboundDecision;
import it.sportello.channel.email.inbound.InboundDecision.AutomaticReplyNote;
import it.sportello.channel.email.inbound.InboundDecision.BounceNote;
import it.sportello.channel.email.inbound.InboundDecision.FollowUp;
import it.sportello.channel.email.inbound.InboundDecision.Ignore;
import it.sportello.channel.email.inbound.InboundDecision.OpenTicket;
import it.sportello.channel.email.inbound.InboundLedger;
import it.sportello.channel.email.inbound.InboundLedger.InboundRecord;
import it.sportello.channel.email.inbound.InboundMail;
import it.sportello.channel.email.inbound.InboundNotes;
import it.sportello.channel.email.inbound.InboundPipeline;
import it.sportello.channel.email.inbound.InboundRoutes;
import it.sportello.channel.email.inbound.InboundStatus;
import it.sportello.channel.email.inbound.MimeParsing;
import it.sportello.channel.email.inbound.ParsedEmail;
import it.sportello.channel.email.inbound.QuotedHistory;
import it.sportello.channel.email.inbound.RawMessageStore;
import it.sportello.channel.email.inbound.UnreadableMessageException;
import it.sportello.customer.Customer;
import it.sportello.shared.NotFoundException;
import it.sportello.shared.PayloadTooLargeException;
import it.sportello.ticket.Channel;
import it.sportello.ticket.Ticket;
import it.sportello.ticket.TicketId;
import it.sportello.ticket.TicketManagement;
import it.sportello.ticket.TicketManagement.Body;
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
 * Inbound e-mail, store first: a raw message is written to disk before anything else, and read
 * from there. The usual message is then recorded and processed in one transaction: the record
 * ({@code PROCESSED}) and the ticket message commit together, or neither does and the sender, who
 * has had no answer, delivers again. Any other message goes the long way: recorded as {@code
 * RECEIVED} first, then processed from the stored copy in a transaction that creates the ticket
 * message and marks the record; a crash in between leaves the record waiting, the recovery task
 * finishes it, and the row lock makes sure only one processor ever does. The same message again
 * (same Message-ID, or same bytes without one, on the same route) is recognised and answered with
 * what the first delivery made. Mailboxes and the pipe endpoint both come through {@link #accept}.
 * What becomes of a message (ignored, a bounce note, a reply on its ticket, a new ticket) is for
 * the filters of the {@link InboundPipeline} to decide; this class only carries the decision out.
 */
@Service
public class EmailIntake {

    private static final Logger log = LoggerFactory.getLogger(EmailIntake.class);
    private static final int ATTEMPTS = 4;

    private final RawMessageStore store;
    private final InboundLedger ledger;
    private final InboundRoutes routes;
    private final MimeParsing parsing;
    private final InboundPipeline pipeline;
    private final InboundAttachments attachments;
    private final InboundNotes notes;
    private final TicketManagement tickets;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final EntityManager entities;

    EmailIntake(
            RawMessageStore store,
            InboundLedger ledger,
            InboundRoutes routes,
            MimeParsing parsing,
            InboundPipeline pipeline,
            InboundAttachments attachments,
            InboundNotes notes,
            TicketManagement tickets,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactionManager,
            Clock clock,
            EntityManager entities) {
        this.entities = entities;
        this.store = store;
        this.ledger = ledger;
        this.routes = routes;
        this.parsing = parsing;
        this.pipeline = pipeline;
        this.attachments = attachments;
        this.notes = notes;
        this.tickets = tickets;
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

    /**
     * Stores the raw message, then processes it (a duplicate is only looked up, or finished if still
     * waiting). The usual message is recorded and processed in one transaction once its copy is on
     * disk: the record and the ticket message commit together or not at all, and until they have,
     * the sender has had no answer and delivers again. Anything out of the ordinary (a duplicate, an
     * unreadable message, a lost race, a refused file, a failure) rolls that transaction back whole
     * and the message goes the long way, {@link #store} and then {@link #process}: recorded first,
     * so that what fails then is kept, listed and can be replayed.
     */
    public IntakeResult accept(MailboxRoute route, InputStream raw) {
        RawMessageStore.StoredRaw copy = store.store(raw);
        Optional<IntakeResult> atOnce = recordedAndProcessed(route, copy);
        if (atOnce.isPresent()) {
            return atOnce.get();
        }
        Stored stored = record(route, parsing.messageIdOf(store.path(copy.path())), copy);
        IntakeResult result = process(stored.intakeId(), route);
        return stored.duplicate()
                ? new IntakeResult(result.intakeId(), result.ticketId(), result.status(), result.reason(), true)
                : result;
    }

    /**
     * The first half of the long way of {@link #accept}: the message on disk and recorded as
     * {@code RECEIVED}, and nothing else; the recovery task processes whatever is left here.
     *
     * @throws PayloadTooLargeException beyond {@code sportello.email.max-message-size}
     */
    public Stored store(MailboxRoute route, InputStream raw) {
        RawMessageStore.StoredRaw copy = store.store(raw);
        return record(route, parsing.messageIdOf(store.path(copy.path())), copy);
    }

    private Stored record(MailboxRoute route, String messageId, RawMessageStore.StoredRaw copy) {
        String key = dedupeKey(messageId, copy);
        Optional<Long> id = ledger.record(route.key(), messageId, key, copy, Instant.now(clock));
        if (id.isPresent()) {
            return new Stored(id.get(), false);
        }
        store.delete(copy.path());
        InboundRecord first = ledger.findByKey(route.key(), key)
                .orElseThrow(() -> new IllegalStateException("Duplicate of a message that is not recorded: " + key));
        return new Stored(first.id(), true);
    }

    private static String dedupeKey(String messageId, RawMessageStore.StoredRaw copy) {
        return messageId != null && messageId.length() <= 900 ? messageId : "sha256:" + copy.sha256();
    }

    /**
     * The stored copy recorded and processed in one transaction; empty, with nothing written, when
     * the message needs the long way (see {@link #accept}).
     */
    private Optional<IntakeResult> recordedAndProcessed(MailboxRoute route, RawMessageStore.StoredRaw copy) {
        try (ParsedEmail email = parsing.parse(store.path(copy.path()))) {
            // The header the long way reads on its own (MimeParsing.messageIdOf), read with the rest.
            String messageId = email.messageId();
            String key = dedupeKey(messageId, copy);
            return Optional.ofNullable(transactions.execute(tx -> {
                Instant now = Instant.now(clock);
                Optional<Long> id = ledger.record(route.key(), messageId, key, copy, now);
                if (id.isEmpty()) {
                    // A duplicate: the failed insert has spoilt the transaction anyway.
                    tx.setRollbackOnly();
                    return null;
                }
                InboundRecord fresh = new InboundRecord(
                        id.get(),
                        route.key(),
                        messageId,
                        key,
                        copy.path(),
                        copy.size(),
                        InboundStatus.RECEIVED,
                        null,
                        null,
                        null,
                        false,
                        now,
                        null);
                InboundMail mail = new InboundMail(email, route);
                return carryOut(fresh, mail, pipeline.decide(mail), now);
            }));
        } catch (RuntimeException longWay) {
            // Rolled back whole: the long way records the message first and then tells what is wrong.
            log.debug("Inbound e-mail {} goes the long way", copy.path(), longWay);
            return Optional.empty();
        }
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
            return inTransaction(intakeId, route, email);
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

    private IntakeResult inTransaction(long intakeId, MailboxRoute route, ParsedEmail email) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(tx -> {
                    InboundRecord locked = ledger.lock(intakeId).orElseThrow();
                    if (locked.status() != InboundStatus.RECEIVED) {
                        return IntakeResult.of(locked, false); // another processor finished it first
                    }
                    // Decided inside the transaction, afresh on each attempt: a lost race may have
                    // created the customer or ticket the filters look for.
                    InboundMail mail = new InboundMail(email, route);
                    return carryOut(locked, mail, pipeline.decide(mail), Instant.now(clock));
                });
            } catch (DataIntegrityViolationException | ConcurrencyFailureException | UnexpectedRollbackException e) {
                // Lost a race (a new customer created twice, a ticket written at once): try afresh.
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private IntakeResult carryOut(InboundRecord record, InboundMail mail, InboundDecision decision, Instant now) {
        // Sorted in the transaction that attaches them, so the files it takes in go if it rolls back.
        InboundAttachments.Sorted files = decision instanceof Ignore
                ? InboundAttachments.Sorted.NONE
                : attachments.sort(mail.email().attachments());
        return switch (decision) {
            case Ignore ignore -> {
                ledger.markIgnored(record.id(), ignore.reason(), mail.automatic(), now);
                yield IntakeResult.of(ledger.find(record.id()).orElseThrow(), false);
            }
            case BounceNote bounce -> bounce(record, mail, bounce, files, now);
            case FollowUp reply -> message(record, mail, followUp(reply, mail, files), files, now);
            case AutomaticReplyNote reply -> message(record, mail, automaticReply(reply, mail, files), files, now);
            case OpenTicket open -> message(record, mail, opened(mail, files), files, now);
        };
    }

    /** Where a message was written: its ticket and message, the customer it came from, whether it opened the ticket. */
    private record Written(
            TicketId ticket, it.sportello.ticket.MessageId message, Customer customer, boolean newTicket) {}

    private Written followUp(FollowUp reply, InboundMail mail, InboundAttachments.Sorted files) {
        var posted = tickets.receiveFollowUp(
                reply.ticket(), reply.requester().id(), bodyOf(mail.email()), Channel.EMAIL, files.accepted());
        return new Written(reply.ticket(), posted.message().messageId(), reply.requester(), false);
    }

    private Written automaticReply(AutomaticReplyNote reply, InboundMail mail, InboundAttachments.Sorted files) {
        Body note = new Body(
                notes.automaticReply(mail.sender()) + "\n\n"
                        + bodyOf(mail.email()).plainText(),
                null);
        var posted = tickets.addSystemNote(reply.ticket(), note, Channel.EMAIL, files.accepted());
        return new Written(reply.ticket(), posted.message().messageId(), reply.requester(), false);
    }

    private Written opened(InboundMail mail, InboundAttachments.Sorted files) {
        ParsedEmail email = mail.email();
        String subject = email.subject().isBlank() ? notes.emptySubject() : email.subject();
        var opened = tickets.receive(
                new TicketManagement.NewTicket(
                        subject,
                        new TicketManagement.Requester(null, email.senderAddress(), null, email.senderName(), null),
                        bodyOf(email),
                        Channel.EMAIL,
                        null,
                        List.of(),
                        null,
                        null,
                        files.accepted()),
                mail.route().group());
        Ticket ticket = opened.details().ticket();
        return new Written(ticket.id(), opened.details().messages().getFirst().messageId(), opened.requester(), true);
    }

    private IntakeResult message(
            InboundRecord record, InboundMail mail, Written written, InboundAttachments.Sorted files, Instant now) {
        ParsedEmail email = mail.email();
        if (!files.refused().isEmpty()) {
            tickets.addSystemNote(
                    written.ticket(), new Body(notes.refused(files.refused()), null), Channel.EMAIL, List.of());
        }
        // The ticket's rows must be written before the record (plain JDBC) points at them.
        entities.flush();
        ledger.markProcessed(
                record.id(), written.ticket().value(), written.message().value(), mail.automatic(), now);
        events.publishEvent(new InboundEmailAccepted(
                record.id(),
                written.ticket(),
                written.message(),
                written.customer().id(),
                email.senderAddress(),
                written.customer().locale(),
                written.newTicket(),
                mail.automatic(),
                mail.route().replyFrom(),
                now,
                email.messageId(),
                oldestFirst(email.referencedIds())));
        return new IntakeResult(record.id(), written.ticket().value(), InboundStatus.PROCESSED, null, false);
    }

    /** The report as an internal note on the ticket, the failed addresses remembered; never answered. */
    private IntakeResult bounce(
            InboundRecord record, InboundMail mail, BounceNote bounce, InboundAttachments.Sorted files, Instant now) {
        for (BounceReport.Recipient recipient : bounce.failing()) {
            ledger.markAddressFailing(
                    recipient.address(),
                    recipient.status() + " " + (recipient.diagnostic() == null ? "" : recipient.diagnostic()),
                    record.id(),
                    now);
        }
        List<String> failing =
                bounce.failing().stream().map(BounceReport.Recipient::address).toList();
        var note = tickets.addSystemNote(
                bounce.ticket(),
                new Body(notes.bounce(mail.sender(), bounce.report(), failing), null),
                Channel.EMAIL,
                files.accepted());
        entities.flush();
        ledger.markProcessed(
                record.id(), bounce.ticket().value(), note.message().messageId().value(), true, now);
        events.publishEvent(new InboundEmailAccepted(
                record.id(),
                bounce.ticket(),
                note.message().messageId(),
                bounce.requester().id(),
                mail.sender(),
                bounce.requester().locale(),
                false,
                true,
                mail.route().replyFrom(),
                now));
        return new IntakeResult(record.id(), bounce.ticket().value(), InboundStatus.PROCESSED, null, false);
    }

    /** The thread a mail answered, oldest first, as the answer's {@code References} lists it. */
    private static List<String> oldestFirst(List<String> newestFirst) {
        List<String> chain = new ArrayList<>(new java.util.LinkedHashSet<>(newestFirst));
        java.util.Collections.reverse(chain);
        return chain;
    }

    /**
     * Text and HTML as sent; HTML that shows no text (only images) gives way to the plain text. Read
     * (sanitised) once here and handed over so, not sanitised again when the ticket stores it.
     */
    private Body bodyOf(ParsedEmail email) {
        String text = email.text();
        Body body = email.html() == null ? null : new Body(text, email.html()).read();
        if (body == null || !body.showsText()) {
            body = new Body(text == null || text.isBlank() ? notes.emptyBody() : text, null).read();
        }
        // Located in the text the ticket keeps (from the HTML when there is one), so the offset fits it.
        OptionalInt quotedFrom = QuotedHistory.quotedFrom(body.plainText());
        return quotedFrom.isPresent() ? body.withQuotedFrom(quotedFrom.getAsInt()) : body;
    }
}
