package it.sportello.ticket.web;

import it.sportello.customer.CustomerId;
import it.sportello.identity.CurrentUser;
import it.sportello.identity.GroupId;
import it.sportello.identity.UserId;
import it.sportello.shared.InvalidInputException;
import it.sportello.shared.web.PageView;
import it.sportello.shared.web.Paging;
import it.sportello.ticket.Channel;
import it.sportello.ticket.Message;
import it.sportello.ticket.Priority;
import it.sportello.ticket.Ticket;
import it.sportello.ticket.TicketId;
import it.sportello.ticket.TicketManagement;
import it.sportello.ticket.TicketSearch;
import it.sportello.ticket.TicketStatus;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.net.URI;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Tickets over the API. Staff and customers share these endpoints; what each may see and do is
 * decided by {@link TicketManagement}, so the rules cannot differ between the API and the pages.
 * Creating a ticket or a message takes JSON, or multipart with a JSON part and files.
 */
@RestController
@RequestMapping("/api/v1/tickets")
class TicketController {

    private static final Map<String, String> SORTABLE =
            Map.of("id", "id", "createdAt", "createdAt", "updatedAt", "updatedAt", "subject", "subject");
    private static final Sort NEWEST_ACTIVITY_FIRST = Sort.by(Sort.Order.desc("updatedAt"), Sort.Order.desc("id"));

    private final TicketManagement tickets;
    private final TicketViews views;

    TicketController(TicketManagement tickets, TicketViews views) {
        this.tickets = tickets;
        this.views = views;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<TicketView> create(@Valid @RequestBody TicketForm form, CurrentUser user) {
        return created(form, List.of(), user);
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<TicketView> createWithAttachments(
            @Valid @RequestPart("ticket") TicketForm form,
            @RequestPart(value = "attachments", required = false) List<MultipartFile> files,
            CurrentUser user) {
        return created(form, files, user);
    }

    @GetMapping
    PageView<TicketView> search(
            @RequestParam(required = false) List<TicketStatus> status,
            @RequestParam(required = false) String assignee,
            @RequestParam(required = false) Channel channel,
            @RequestParam(required = false) String tag,
            @RequestParam(required = false) @Positive Long customer,
            @RequestParam(required = false) @Positive Long group,
            @RequestParam(required = false) Priority priority,
            @RequestParam(required = false) Instant updatedSince,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @RequestParam(required = false) List<String> sort,
            CurrentUser user) {
        boolean unassigned = "none".equalsIgnoreCase(assignee);
        UserId assigneeId = unassigned || assignee == null || assignee.isBlank()
                ? null
                : "me".equalsIgnoreCase(assignee) ? user.id() : new UserId(parseId("assignee", assignee));
        Set<TicketStatus> statuses = status == null || status.isEmpty() ? null : EnumSet.copyOf(status);
        TicketSearch search = new TicketSearch(
                statuses,
                assigneeId,
                unassigned,
                channel,
                tag,
                customer == null ? null : new CustomerId(customer),
                group == null ? null : new GroupId(group),
                priority,
                updatedSince,
                q);
        Page<Ticket> found = tickets.search(search, user, Paging.of(page, size, sort, SORTABLE, NEWEST_ACTIVITY_FIRST));
        return new PageView<>(
                views.summaries(found.getContent(), user),
                found.getNumber(),
                found.getSize(),
                found.getTotalElements());
    }

    @GetMapping("/{id}")
    ResponseEntity<TicketView> get(@PathVariable long id, CurrentUser user) {
        TicketView view = views.full(tickets.details(new TicketId(id), user), user);
        return ResponseEntity.ok().eTag(String.valueOf(view.version())).body(view);
    }

    @PatchMapping("/{id}")
    ResponseEntity<TicketView> change(
            @PathVariable long id,
            @Valid @RequestBody TicketChangesForm form,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            CurrentUser user) {
        Long expected = form.version() != null ? form.version() : versionFrom(ifMatch);
        tickets.change(
                new TicketId(id),
                new TicketManagement.TicketChanges(
                        form.status(),
                        form.priority(),
                        form.assigneeId() == null ? null : form.assigneeId().map(UserId::new),
                        form.groupId() == null ? null : form.groupId().map(GroupId::new),
                        form.tags(),
                        form.subject(),
                        expected),
                user);
        return get(id, user);
    }

    @PostMapping(path = "/{id}/messages", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<TicketView.MessageView> reply(
            @PathVariable long id, @Valid @RequestBody MessageForm form, CurrentUser user) {
        return posted(id, form, List.of(), user);
    }

    @PostMapping(path = "/{id}/messages", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<TicketView.MessageView> replyWithAttachments(
            @PathVariable long id,
            @Valid @RequestPart("message") MessageForm form,
            @RequestPart(value = "attachments", required = false) List<MultipartFile> files,
            CurrentUser user) {
        return posted(id, form, files, user);
    }

    record MergeForm(@NotNull @Positive Long targetId) {}

    @PostMapping("/{id}/merge")
    ResponseEntity<TicketView> merge(@PathVariable long id, @Valid @RequestBody MergeForm form, CurrentUser user) {
        Ticket target = tickets.merge(new TicketId(id), new TicketId(form.targetId()), user);
        return get(target.id().value(), user);
    }

    private ResponseEntity<TicketView> created(TicketForm form, List<MultipartFile> files, CurrentUser user) {
        TicketForm.CustomerRef ref = form.customer();
        TicketManagement.Requester requester = ref == null
                ? null
                : new TicketManagement.Requester(
                        ref.id() == null ? null : new CustomerId(ref.id()),
                        ref.email(),
                        ref.phone(),
                        ref.name(),
                        ref.locale());
        TicketManagement.Opened opened = tickets.open(
                new TicketManagement.NewTicket(
                        form.subject(),
                        requester,
                        new TicketManagement.Body(
                                form.message().body(), form.message().html()),
                        form.channel(),
                        form.priority(),
                        form.tags(),
                        form.groupId() == null ? null : new GroupId(form.groupId()),
                        form.assigneeId() == null ? null : new UserId(form.assigneeId()),
                        uploads(files)),
                user);
        TicketView view = views.full(opened.details(), opened.requester());
        return ResponseEntity.created(URI.create("/api/v1/tickets/" + view.id()))
                .eTag(String.valueOf(view.version()))
                .body(view);
    }

    private ResponseEntity<TicketView.MessageView> posted(
            long id, MessageForm form, List<MultipartFile> files, CurrentUser user) {
        TicketManagement.PostedMessage posted = tickets.addMessage(
                new TicketId(id),
                new TicketManagement.NewMessage(
                        new TicketManagement.Body(form.body(), form.html()),
                        form.isNote(),
                        form.status(),
                        null,
                        uploads(files)),
                user);
        Message message = posted.message();
        return ResponseEntity.created(URI.create("/api/v1/tickets/" + id + "#message-"
                        + message.messageId().value()))
                .body(views.message(message, posted.attachments()));
    }

    private static List<TicketManagement.Upload> uploads(List<MultipartFile> files) {
        return files == null
                ? List.of()
                : files.stream()
                        .filter(f -> !f.isEmpty())
                        .map(f -> new TicketManagement.Upload(f.getOriginalFilename(), f.getContentType(), f))
                        .toList();
    }

    private static Long versionFrom(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        String value = ifMatch.trim().replaceFirst("^W/", "").replace("\"", "");
        return Optional.of(value)
                .filter(v -> v.matches("\\d{1,18}"))
                .map(Long::parseLong)
                .orElseThrow(() -> new InvalidInputException("If-Match", "must be a version as given in the ETag"));
    }

    private static long parseId(String field, String value) {
        if (!value.matches("\\d{1,18}")) {
            throw new InvalidInputException(field, "must be an id, 'me' or 'none'");
        }
        return Long.parseLong(value);
    }
}
