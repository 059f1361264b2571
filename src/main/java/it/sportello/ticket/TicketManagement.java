package it.sportello.ticket;

import it.sportello.customer.Customer;
import it.sportello.customer.CustomerId;
import it.sportello.customer.CustomerManagement;
import it.sportello.identity.CurrentUser;
import it.sportello.identity.GroupId;
import it.sportello.identity.Role;
import it.sportello.identity.UserId;
import it.sportello.identity.UserManagement;
import it.sportello.shared.ConflictException;
import it.sportello.shared.InvalidInputException;
import it.sportello.shared.NotFoundException;
import it.sportello.shared.PlainText;
import it.sportello.shared.SafeHtml;
import it.sportello.shared.SequenceIds;
import it.sportello.shared.SupportedLocale;
import it.sportello.ticket.internal.AttachmentStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.core.io.InputStreamSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What can be done with tickets, and by whom. Every operation is one transaction: the ticket,
 * its message, its attachments and its events are all stored, or none is. Customers reach only
 * their own tickets (anything else is "not found"); staff reach all.
 */
@Service
public class TicketManagement {

    /**
     * How often a write that lost a race is tried again: a new customer created by two requests at
     * once (the unique address refuses one), a ticket changed between read and write.
     */
    private static final int ATTEMPTS = 4;

    private final TicketRepository tickets;
    private final MessageRepository messages;
    private final AttachmentRepository attachments;
    private final AttachmentStore store;
    private final CustomerManagement customers;
    private final UserManagement users;
    private final SequenceIds ids;
    private final TicketTimeline timeline;
    private final TransactionTemplate transactions;
    private final TransactionTemplate readOnly;
    private final Clock clock;

    TicketManagement(
            TicketRepository tickets,
            MessageRepository messages,
            AttachmentRepository attachments,
            AttachmentStore store,
            CustomerManagement customers,
            UserManagement users,
            SequenceIds ids,
            TicketTimeline timeline,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        this.timeline = timeline;
        this.tickets = tickets;
        this.messages = messages;
        this.attachments = attachments;
        this.store = store;
        this.customers = customers;
        this.users = users;
        this.ids = ids;
        this.transactions = new TransactionTemplate(transactionManager);
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
        this.clock = clock;
    }

    /** Who a new ticket is for, when staff open it: an existing customer, or an address to find or create one by. */
    public record Requester(CustomerId id, String email, String phone, String name, SupportedLocale locale) {}

    /**
     * A file to attach: re-readable, so a write that lost a race can be tried again. Its content
     * may be a {@link TakenFile}, already in the attachment store: attached as it is then.
     */
    public record Upload(String fileName, String declaredType, InputStreamSource content) {}

    /**
     * A file the attachment store has already taken in, measured, hashed and typed (see {@link
     * #takeIn}): as an upload's content it is attached without being read again. Only this class
     * makes one, so whatever is attached this way has passed the store's checks.
     */
    public static final class TakenFile implements InputStreamSource {

        private final AttachmentStore store;
        private final AttachmentStore.StoredFile file;

        private TakenFile(AttachmentStore store, AttachmentStore.StoredFile file) {
            this.store = store;
            this.file = file;
        }

        public long size() {
            return file.size();
        }

        /** The type its bytes show. */
        public String contentType() {
            return file.contentType();
        }

        @Override
        public InputStream getInputStream() {
            return store.open(file.key());
        }
    }

    /**
     * A message body as sent: plain text, HTML (sanitised here), or both. {@code quotedFrom}, when a
     * channel knows it, is where the quoted history begins in {@link #plainText()}: what is shown
     * folded away, while the body is kept whole. {@code reading} is only ever made by {@link #read()}
     * (null otherwise): the sanitised body, kept so that a channel which reads it before handing it
     * over does not have it sanitised twice; it is no part of the body's value.
     */
    public record Body(String text, String html, Integer quotedFrom, Reading reading) {

        public Body(String text, String html) {
            this(text, html, null, null);
        }

        public Body(String text, String html, Integer quotedFrom) {
            this(text, html, quotedFrom, null);
        }

        /**
         * This body with its sanitised reading made now and kept with it: for a channel that looks
         * at what will be stored ({@link #showsText()}, {@link #plainText()}) before handing it over.
         */
        public Body read() {
            return readingOrNull() != null ? this : new Body(text, html, quotedFrom, new Reading(text, html, safe()));
        }

        /** The plain text this body is stored with: from the HTML when there is one. */
        public String plainText() {
            return sanitised().text();
        }

        /** Whether anything is left to read once sanitised (HTML of only images is not). */
        public boolean showsText() {
            return !safe().text().isBlank();
        }

        public Body withQuotedFrom(Integer offset) {
            return new Body(text, html, offset, reading);
        }

        SafeHtml sanitised() {
            SafeHtml safe = safe();
            if (safe.text().isBlank()) {
                throw new InvalidInputException("message.body", "must not be empty");
            }
            return safe;
        }

        private SafeHtml safe() {
            SafeHtml kept = readingOrNull();
            if (kept != null) {
                return kept;
            }
            return html != null && !html.isBlank() ? SafeHtml.fromUntrustedHtml(html) : SafeHtml.fromPlainText(text);
        }

        /** The kept reading, if it was made of this text and HTML (a body copied with other content has none). */
        private SafeHtml readingOrNull() {
            return reading != null && Objects.equals(reading.text, text) && Objects.equals(reading.html, html)
                    ? reading.safe
                    : null;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Body body
                    && Objects.equals(text, body.text)
                    && Objects.equals(html, body.html)
                    && Objects.equals(quotedFrom, body.quotedFrom);
        }

        @Override
        public int hashCode() {
            return Objects.hash(text, html, quotedFrom);
        }

        @Override
        public String toString() {
            return "Body[text=" + text + ", html=" + html + ", quotedFrom=" + quotedFrom + "]";
        }
    }

    /**
     * A body's sanitised reading (see {@link Body#read()}), with the text and HTML it was made of: only
     * this class makes one, and a body uses it only for that same content, so no caller can hand the
     * ticket a reading of something else.
     */
    public static final class Reading {

        private final String text;
        private final String html;
        private final SafeHtml safe;

        private Reading(String text, String html, SafeHtml safe) {
            this.text = text;
            this.html = html;
            this.safe = safe;
        }
    }

    public record NewTicket(
            String subject,
            Requester requester,
            Body body,
            Channel channel,
            Priority priority,
            List<String> tags,
            GroupId group,
            UserId assignee,
            List<Upload> uploads) {}

    /** A reply or note; {@code statusAfter} lets an agent reply and set pending in one step. */
    public record NewMessage(Body body, boolean note, TicketStatus statusAfter, Channel via, List<Upload> uploads) {}

    /**
     * A partial change. Null leaves a field alone; for assignee and group an empty Optional clears
     * it. {@code expectedVersion}, when given, must match or the change is refused as stale.
     */
    public record TicketChanges(
            TicketStatus status,
            Priority priority,
            Optional<UserId> assignee,
            Optional<GroupId> group,
            List<String> tags,
            String subject,
            Long expectedVersion) {}

    /** A ticket with the part of its conversation the viewer may see, and the attachments of those messages. */
    public record TicketDetails(
            Ticket ticket,
            List<Message> messages,
            Map<MessageId, List<Attachment>> attachments,
            List<TicketActivity> activity) {}

    /** A new ticket as stored, with the customer it is for: what a caller needs to show it without reading it back. */
    public record Opened(TicketDetails details, Customer requester) {}

    /** Opens a ticket with its first message, for a signed-in customer or on a customer's behalf by staff. */
    public Opened open(NewTicket request, CurrentUser actor) {
        if (actor.isCustomer()) {
            return store(request, () -> customers.forAccount(actor), false, null);
        }
        return store(request, () -> resolveRequester(request.requester()), true, null);
    }

    /**
     * Opens a ticket that arrived through a public channel (the contact form, later e-mail): the
     * requester is found or created by their address, and nothing only staff may set (priority,
     * group, assignee, tags) is taken from the outside.
     */
    public Opened receive(NewTicket request) {
        return store(request, () -> resolveRequester(request.requester()), false, null);
    }

    /**
     * As {@link #receive(NewTicket)}, into the group an admin configured for the channel it came
     * through (an e-mail mailbox): the group is the desk's setting, not the sender's. Joins the
     * caller's transaction.
     */
    public Opened receive(NewTicket request, GroupId channelGroup) {
        return store(request, () -> resolveRequester(request.requester()), false, channelGroup);
    }

    private Opened store(NewTicket request, Supplier<Customer> requesterOf, boolean byStaff, GroupId channelGroup) {
        String subject = PlainText.line(request.subject());
        if (subject.isEmpty()) {
            throw new InvalidInputException("subject", "must not be blank");
        }
        SafeHtml body = request.body().sanitised();
        return retrying(() -> transactions.execute(tx -> {
            Instant now = Instant.now(clock);
            Customer requester = requesterOf.get();
            Ticket ticket;
            if (byStaff) {
                if (request.group() != null) {
                    users.requireGroup(request.group(), "group");
                }
                ticket = new Ticket(
                        new TicketId(ids.next(Ticket.SEQUENCE)),
                        subject,
                        requester.id(),
                        orDefault(request.channel(), Channel.WEB),
                        request.priority(),
                        request.group(),
                        request.tags(),
                        now);
                if (request.assignee() != null) {
                    users.requireAssignableAgent(request.assignee(), "assignee");
                    ticket.assign(request.assignee(), request.group(), now);
                }
            } else {
                if (channelGroup != null) {
                    users.requireGroup(channelGroup, "group");
                }
                ticket = new Ticket(
                        new TicketId(ids.next(Ticket.SEQUENCE)),
                        subject,
                        requester.id(),
                        orDefault(request.channel(), Channel.WEB),
                        Priority.NORMAL,
                        channelGroup,
                        List.of(),
                        now);
            }
            Message first = ticket.receiveFromCustomer(nextMessageId(), body, ticket.channel(), now);
            first.foldQuotedHistoryAt(request.body().quotedFrom());
            tickets.save(ticket);
            messages.save(first);
            List<Attachment> files = attach(first, request.uploads(), now);
            return new Opened(
                    new TicketDetails(
                            ticket,
                            List.of(first),
                            files.isEmpty() ? Map.of() : Map.of(first.messageId(), files),
                            List.of()),
                    requester);
        }));
    }

    /** A message as stored, with its attachments. */
    public record PostedMessage(Message message, List<Attachment> attachments) {}

    public PostedMessage addMessage(TicketId id, NewMessage request, CurrentUser actor) {
        SafeHtml body = request.body().sanitised();
        if (actor.isCustomer() && (request.note() || request.statusAfter() != null)) {
            throw new AccessDeniedException("Customers can only reply");
        }
        return retrying(() -> transactions.execute(tx -> {
            Instant now = Instant.now(clock);
            // Writers to one ticket queue on its row instead of racing and retrying.
            Ticket ticket = visibleTicket(id, actor, true);
            Message message;
            if (actor.isCustomer()) {
                message = ticket.receiveFromCustomer(nextMessageId(), body, orDefault(request.via(), Channel.WEB), now);
            } else if (request.note()) {
                message = ticket.addNote(nextMessageId(), actor.id(), body, now);
            } else {
                message = ticket.replyAsAgent(nextMessageId(), actor.id(), body, now);
            }
            if (request.statusAfter() != null) {
                ticket.changeStatus(request.statusAfter(), now);
            }
            tickets.save(ticket);
            messages.save(message);
            return new PostedMessage(message, attach(message, request.uploads(), now));
        }));
    }

    public Ticket change(TicketId id, TicketChanges changes, CurrentUser actor) {
        requireStaff(actor);
        return transactions.execute(tx -> {
            Instant now = Instant.now(clock);
            Ticket ticket = visibleTicket(id, actor);
            if (changes.expectedVersion() != null && changes.expectedVersion() != ticket.version()) {
                throw new ConflictException("Ticket " + id.value() + " has changed since version "
                        + changes.expectedVersion() + " (now " + ticket.version() + "); reload it and try again");
            }
            apply(changes, ticket, now);
            return tickets.saveAndFlush(ticket);
        });
    }

    /**
     * A change the desk makes by itself (an escalation rule, an automation): no person's visibility
     * applies, the row is locked against a concurrent agent's save, and it joins the caller's
     * transaction, so a rule's change and its own bookkeeping commit together.
     */
    public Ticket changeAsDesk(TicketId id, TicketChanges changes) {
        return transactions.execute(tx -> {
            Ticket ticket = tickets.findByIdForUpdate(id.value())
                    .orElseThrow(() -> new NotFoundException("Ticket", id.value()));
            // A rule that decided on what it read (routing: "still unassigned") says so with the version.
            if (changes.expectedVersion() != null && changes.expectedVersion() != ticket.version()) {
                throw new ConflictException("Ticket " + id.value() + " has changed since version "
                        + changes.expectedVersion() + " (now " + ticket.version() + ")");
            }
            apply(changes, ticket, Instant.now(clock));
            return tickets.saveAndFlush(ticket);
        });
    }

    /**
     * The measurement facts of every ticket opened in [{@code from}, {@code to}), in one query: for
     * reports over many tickets (service standards), not for showing tickets to a person.
     */
    public List<TicketFacts> factsOpenedBetween(Instant from, Instant to) {
        return readOnly.execute(tx -> tickets.findFactsCreatedBetween(from, to));
    }

    /** The measurement facts of these tickets (those that exist), a few queries for any number of them. */
    public List<TicketFacts> facts(java.util.Collection<TicketId> ids) {
        List<Long> wanted = ids.stream().map(TicketId::value).distinct().toList();
        List<TicketFacts> found = new ArrayList<>();
        readOnly.executeWithoutResult(tx -> {
            for (int i = 0; i < wanted.size(); i += 1000) {
                found.addAll(tickets.findFactsByIdIn(wanted.subList(i, Math.min(wanted.size(), i + 1000))));
            }
        });
        return found;
    }

    /**
     * One page of tickets for the desk's own bookkeeping (routing's queues): no person's
     * visibility applies, so never answer a user's request with it. Joins the caller's transaction.
     */
    public Page<Ticket> searchAsDesk(TicketSearch search, TicketOrder order, int page, int size) {
        Pageable pageable = PageRequest.of(page, size);
        return readOnly.execute(tx -> tickets.findAll(
                TicketSpecifications.matching(search, true).and(TicketSpecifications.orderedBy(order)), pageable));
    }

    /** How many tickets in {@code statuses} each of {@code agents} has assigned (absent: none). */
    public Map<UserId, Long> assignedCounts(Collection<UserId> agents, Set<TicketStatus> statuses) {
        if (agents.isEmpty() || statuses.isEmpty()) {
            return Map.of();
        }
        return readOnly.execute(tx ->
                tickets.countByAssignee(agents.stream().map(UserId::value).toList(), statuses).stream()
                        .collect(Collectors.toMap(row -> new UserId((Long) row[0]), row -> (Long) row[1])));
    }

    /**
     * Records when the ticket's most urgent service-level clock falls due (null: none runs), for
     * queues ordered by urgency; joins the caller's transaction and leaves the ticket's version alone.
     */
    public void recordSlaDue(TicketId id, Instant dueAt) {
        transactions.executeWithoutResult(tx -> tickets.updateSlaDueAt(id.value(), dueAt));
    }

    private void apply(TicketChanges changes, Ticket ticket, Instant now) {
        if (changes.assignee() != null || changes.group() != null) {
            UserId assignee = changes.assignee() == null
                    ? ticket.assignee().orElse(null)
                    : changes.assignee().orElse(null);
            GroupId group = changes.group() == null
                    ? ticket.group().orElse(null)
                    : changes.group().orElse(null);
            if (assignee != null) {
                users.requireAssignableAgent(assignee, "assigneeId");
            }
            if (group != null) {
                users.requireGroup(group, "groupId");
            }
            ticket.assign(assignee, group, now);
        }
        if (changes.priority() != null) {
            ticket.changePriority(changes.priority(), now);
        }
        if (changes.tags() != null) {
            ticket.retag(changes.tags(), now);
        }
        if (changes.subject() != null) {
            String subject = PlainText.line(changes.subject());
            if (subject.isEmpty()) {
                throw new InvalidInputException("subject", "must not be blank");
            }
            ticket.changeSubject(subject, now);
        }
        if (changes.status() != null) {
            ticket.changeStatus(changes.status(), now);
        }
    }

    /** Moves the conversation of {@code source} into {@code target} and closes {@code source} with a link. */
    public Ticket merge(TicketId source, TicketId target, CurrentUser actor) {
        requireStaff(actor);
        return transactions.execute(tx -> {
            Instant now = Instant.now(clock);
            Ticket from = visibleTicket(source, actor);
            Ticket into = tickets.findById(target.value())
                    .orElseThrow(() -> new InvalidInputException("targetId", "no ticket with id " + target.value()));
            from.mergeInto(into, now);
            tickets.save(from);
            tickets.save(into);
            messages.moveAll(source.value(), target.value());
            attachments.moveAll(source.value(), target.value());
            tickets.flush();
            return into;
        });
    }

    public TicketDetails details(TicketId id, CurrentUser viewer) {
        return readOnly.execute(tx -> {
            Ticket ticket = visibleTicket(id, viewer);
            List<Message> conversation = messages.conversation(id.value(), viewer.isStaff());
            Map<MessageId, List<Attachment>> files = conversation.isEmpty()
                    ? Map.of()
                    : attachments
                            .findByMessageIdInOrderById(
                                    conversation.stream().map(Message::getId).toList())
                            .stream()
                            .collect(Collectors.groupingBy(Attachment::messageId));
            return new TicketDetails(ticket, conversation, files, viewer.isStaff() ? timeline.of(id) : List.of());
        });
    }

    public Page<Ticket> search(TicketSearch search, CurrentUser viewer, Pageable pageable) {
        return readOnly.execute(tx -> scoped(search, viewer)
                .map(scoped -> tickets.findAll(TicketSpecifications.matching(scoped, viewer.isStaff()), pageable))
                .orElseGet(() -> Page.empty(pageable)));
    }

    /** A customer's most recently active tickets but one, and how many other tickets they have in all. */
    public record OtherTickets(List<Ticket> tickets, long total) {}

    /**
     * The tickets of {@code customer} the viewer may see, most recently active first, leaving out
     * {@code except} (one of that customer's own tickets, or null): at most {@code limit} of them.
     */
    public OtherTickets otherTicketsOf(CustomerId customer, TicketId except, int limit, CurrentUser viewer) {
        Page<Ticket> theirs = search(
                TicketSearch.all().forCustomer(customer),
                viewer,
                PageRequest.of(0, limit + 1, Sort.by(Sort.Order.desc("updatedAt"), Sort.Order.desc("id"))));
        List<Ticket> others = theirs.getContent().stream()
                .filter(t -> !t.id().equals(except))
                .limit(limit)
                .toList();
        return new OtherTickets(others, theirs.getTotalElements() - (except == null ? 0 : 1));
    }

    /** One page of a list in one of the orders people pick from (priority cannot be said with a plain sort). */
    public Page<Ticket> search(TicketSearch search, TicketOrder order, CurrentUser viewer, int page, int size) {
        Pageable pageable = PageRequest.of(page, size);
        return readOnly.execute(tx -> scoped(search, viewer)
                .map(scoped -> tickets.findAll(
                        TicketSpecifications.matching(scoped, viewer.isStaff())
                                .and(TicketSpecifications.orderedBy(order)),
                        pageable))
                .orElseGet(() -> Page.empty(pageable)));
    }

    /** How many tickets each search finds, in the order given, read in one transaction (the inbox's view counts). */
    public List<Long> count(List<TicketSearch> searches, CurrentUser viewer) {
        return readOnly.execute(tx -> searches.stream()
                .map(search -> scoped(search, viewer)
                        .map(scoped -> tickets.count(TicketSpecifications.matching(scoped, viewer.isStaff())))
                        .orElse(0L))
                .toList());
    }

    /** The search narrowed to what the viewer may see; empty for a customer without a customer record. */
    private Optional<TicketSearch> scoped(TicketSearch search, CurrentUser viewer) {
        if (!viewer.isCustomer()) {
            return Optional.of(search);
        }
        return customers.findByAccount(viewer).map(own -> search.forCustomer(own.id()));
    }

    /** An attachment the viewer may download, with its bytes; customers never reach files of internal notes. */
    public Attachment attachment(long attachmentId, CurrentUser viewer) {
        return readOnly.execute(tx -> {
            Attachment attachment = attachments
                    .findById(attachmentId)
                    .orElseThrow(() -> new NotFoundException("Attachment", attachmentId));
            visibleTicket(attachment.ticketId(), viewer);
            if (viewer.isCustomer()
                    && messages.findById(attachment.messageId().value())
                            .map(Message::internal)
                            .orElse(true)) {
                throw new NotFoundException("Attachment", attachmentId);
            }
            return attachment;
        });
    }

    public InputStream openAttachment(Attachment attachment) {
        return store.open(attachment.storageKey());
    }

    private Ticket visibleTicket(TicketId id, CurrentUser viewer) {
        return visibleTicket(id, viewer, false);
    }

    private Ticket visibleTicket(TicketId id, CurrentUser viewer, boolean lock) {
        Ticket ticket = (lock ? tickets.findByIdForUpdate(id.value()) : tickets.findById(id.value()))
                .orElseThrow(() -> new NotFoundException("Ticket", id.value()));
        if (viewer.isCustomer()) {
            boolean own = customers
                    .findByAccount(viewer)
                    .map(c -> c.id().equals(ticket.requester()))
                    .orElse(false);
            if (!own) {
                throw new NotFoundException("Ticket", id.value());
            }
        } else if (!viewer.hasAtLeast(Role.AGENT)) {
            throw new AccessDeniedException("Staff only");
        }
        return ticket;
    }

    private Customer resolveRequester(Requester requester) {
        if (requester == null) {
            throw new InvalidInputException(
                    "customer", "a ticket needs a customer: an id, an e-mail address or a phone number");
        }
        if (requester.id() != null) {
            return customers.get(requester.id());
        }
        if (requester.email() != null && !requester.email().isBlank()) {
            return customers.findOrCreateByEmail(requester.email(), requester.name(), requester.locale());
        }
        if (requester.phone() != null && !requester.phone().isBlank()) {
            return customers.findOrCreateByPhone(requester.phone(), requester.name(), requester.locale());
        }
        throw new InvalidInputException(
                "customer", "a ticket needs a customer: an id, an e-mail address or a phone number");
    }

    /**
     * Takes a channel's file into the attachment store ahead of its message, checked as every
     * attachment is: a program is refused ({@link it.sportello.shared.UnsupportedContentException}),
     * so is a file over the size limit ({@link it.sportello.shared.PayloadTooLargeException}), so
     * that a channel can leave one bad file out instead of losing the message, and the file is read
     * once, not once to check and again to store. Returns the upload to hand over with the message.
     * Only inside the transaction that will attach it: should that roll back, the bytes go too.
     */
    public Upload takeIn(Upload upload) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("A file is taken in only inside the transaction that attaches it");
        }
        return new Upload(upload.fileName(), upload.declaredType(), new TakenFile(store, stored(upload)));
    }

    private AttachmentStore.StoredFile stored(Upload upload) {
        try (InputStream in = upload.content().getInputStream()) {
            return store.store(in, safeFileName(upload.fileName()), upload.declaredType());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<Attachment> attach(Message message, List<Upload> uploads, Instant now) {
        if (uploads == null || uploads.isEmpty()) {
            return List.of();
        }
        List<Attachment> saved = new ArrayList<>();
        for (Upload upload : uploads) {
            String fileName = safeFileName(upload.fileName());
            AttachmentStore.StoredFile file = upload.content() instanceof TakenFile taken ? taken.file : stored(upload);
            saved.add(new Attachment(
                    ids.next(Attachment.SEQUENCE),
                    message.messageId(),
                    message.ticketId(),
                    fileName,
                    file.contentType(),
                    file.size(),
                    file.sha256(),
                    file.key(),
                    now));
        }
        return attachments.saveAll(saved);
    }

    /** Only the last path segment, without control characters, at most 200 characters. */
    static String safeFileName(String name) {
        String base = name == null ? "" : name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        base = PlainText.line(base).replaceAll("[\"<>:|?*]", "_");
        if (base.isBlank() || base.equals(".") || base.equals("..")) {
            base = "attachment";
        }
        return base.length() > 200 ? base.substring(base.length() - 200) : base;
    }

    private MessageId nextMessageId() {
        return new MessageId(ids.next(Message.SEQUENCE));
    }

    private static void requireStaff(CurrentUser actor) {
        if (!actor.hasAtLeast(Role.AGENT)) {
            throw new AccessDeniedException("Staff only");
        }
    }

    private static <T> T orDefault(T value, T fallback) {
        return value == null ? fallback : value;
    }

    /** A short random pause, so writers that collided do not collide again in lockstep. */
    private static void pauseBeforeRetry(int attempt) {
        try {
            Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(1, 10L * attempt + 2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while retrying a write", e);
        }
    }

    /**
     * Runs a whole transaction again when it lost a race that a fresh attempt resolves: a new
     * customer created by two requests at once (unique address), two writes to one ticket.
     */
    private static <T> T retrying(Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return work.get();
            } catch (DataIntegrityViolationException | OptimisticLockingFailureException e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
                pauseBeforeRetry(attempt);
            }
        }
    }

    /**
     * Fails with {@link NotFoundException} unless the viewer may see the ticket: a primary-key check,
     * cheap enough for what a page asks every few seconds (live updates, presence).
     */
    public void requireVisible(TicketId id, CurrentUser viewer) {
        readOnly.executeWithoutResult(tx -> visibleTicket(id, viewer));
    }

    /** A message with its ticket and files, as a channel delivering it needs them. */
    public record Delivery(Ticket ticket, Message message, List<Attachment> attachments) {}

    /**
     * A message of any ticket, with its ticket and attachments, for a channel that delivers it with
     * no person behind the call (the e-mail outbox). It checks no viewer: never answer a user's
     * request with it. Empty when the message no longer exists.
     */
    public Optional<Delivery> forDelivery(MessageId id) {
        return readOnly.execute(tx -> messages.findById(id.value())
                .flatMap(message -> tickets.findById(message.ticketId().value())
                        .map(ticket -> new Delivery(
                                ticket, message, attachments.findByMessageIdInOrderById(List.of(id.value()))))));
    }

    /**
     * A ticket as it is, for a channel that has already decided it may act on it (e-mail
     * threading checks the sender itself); no viewer, so not for anything a person asked for.
     */
    public Optional<Ticket> find(TicketId id) {
        return readOnly.execute(tx -> tickets.findById(id.value()));
    }

    /**
     * A follow-up from the ticket's requester through a public channel (an e-mail reply), posted
     * as the customer; joins the caller's transaction, so a channel can record what it processed
     * in the same commit. Anyone but the requester is refused.
     */
    public PostedMessage receiveFollowUp(TicketId id, CustomerId sender, Body body, Channel via, List<Upload> uploads) {
        SafeHtml safe = body.sanitised();
        return retrying(() -> transactions.execute(tx -> {
            Instant now = Instant.now(clock);
            Ticket ticket = tickets.findByIdForUpdate(id.value())
                    .orElseThrow(() -> new NotFoundException("Ticket", id.value()));
            if (!ticket.requester().equals(sender)) {
                throw new AccessDeniedException("Only the requester may follow up on ticket " + id.value());
            }
            Message message = ticket.receiveFromCustomer(nextMessageId(), safe, via, now);
            message.foldQuotedHistoryAt(body.quotedFrom());
            tickets.save(ticket);
            messages.save(message);
            return new PostedMessage(message, attach(message, uploads, now));
        }));
    }

    /** An internal note by the desk itself (a bounce report), with files; joins the caller's transaction. */
    public PostedMessage addSystemNote(TicketId id, Body body, Channel via, List<Upload> uploads) {
        SafeHtml safe = body.sanitised();
        return retrying(() -> transactions.execute(tx -> {
            Instant now = Instant.now(clock);
            Ticket ticket = tickets.findByIdForUpdate(id.value())
                    .orElseThrow(() -> new NotFoundException("Ticket", id.value()));
            Message message = ticket.addSystemNote(nextMessageId(), safe, via, now);
            tickets.save(ticket);
            messages.save(message);
            return new PostedMessage(message, attach(message, uploads, now));
        }));
    }

    /**
     * A public answer by the desk itself (the chat bot), for a channel that already decided to
     * give it; joins the caller's transaction.
     */
    public PostedMessage answerAsDesk(TicketId id, Body body, Channel via) {
        SafeHtml safe = body.sanitised();
        return retrying(() -> transactions.execute(tx -> {
            Instant now = Instant.now(clock);
            Ticket ticket = tickets.findByIdForUpdate(id.value())
                    .orElseThrow(() -> new NotFoundException("Ticket", id.value()));
            Message message = ticket.answerAsDesk(nextMessageId(), safe, via, now);
            tickets.save(ticket);
            messages.save(message);
            return new PostedMessage(message, List.of());
        }));
    }

    /**
     * Moves a ticket to another customer, for a channel that learnt who it is really talking to (a
     * chat visitor who gave their address later); joins the caller's transaction.
     */
    public void changeRequester(TicketId id, CustomerId customer) {
        transactions.executeWithoutResult(tx -> {
            Ticket ticket = tickets.findByIdForUpdate(id.value())
                    .orElseThrow(() -> new NotFoundException("Ticket", id.value()));
            ticket.changeRequester(customers.get(customer).id(), Instant.now(clock));
            tickets.save(ticket);
        });
    }

    /**
     * Marks a ticket solved by the desk itself (a chat the bot answered to the visitor's
     * satisfaction), unless it is solved or closed already; joins the caller's transaction.
     */
    public void solveAsDesk(TicketId id) {
        transactions.executeWithoutResult(tx -> {
            Ticket ticket = tickets.findByIdForUpdate(id.value())
                    .orElseThrow(() -> new NotFoundException("Ticket", id.value()));
            if (ticket.status().canMoveTo(TicketStatus.SOLVED)) {
                ticket.changeStatus(TicketStatus.SOLVED, Instant.now(clock));
                tickets.save(ticket);
            }
        });
    }
}
