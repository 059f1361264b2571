package it.sportello.portal.web;

import it.sportello.customer.CustomerManagement;
import it.sportello.identity.CurrentUser;
import it.sportello.identity.User;
import it.sportello.identity.UserId;
import it.sportello.identity.UserManagement;
import it.sportello.shared.ConflictException;
import it.sportello.shared.InvalidInputException;
import it.sportello.shared.PayloadTooLargeException;
import it.sportello.shared.SafeHtml;
import it.sportello.shared.UnsupportedContentException;
import it.sportello.ticket.Attachment;
import it.sportello.ticket.AttachmentDownloads;
import it.sportello.ticket.AuthorType;
import it.sportello.ticket.Channel;
import it.sportello.ticket.Message;
import it.sportello.ticket.Ticket;
import it.sportello.ticket.TicketId;
import it.sportello.ticket.TicketManagement;
import it.sportello.ticket.TicketSearch;
import it.sportello.ticket.TicketStatus;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.InputStreamResource;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A customer's requests: the list, one request with its public conversation and a reply box, a
 * new request, and the downloads of their attachments. What a customer may see and do is decided
 * by {@link TicketManagement}: another customer's request or file is "not found" there, and so a
 * 404 page here.
 */
@Controller
class RequestsController {

    static final int PAGE_SIZE = 20;
    private static final Sort RECENT_FIRST = Sort.by(Sort.Order.desc("updatedAt"), Sort.Order.desc("id"));

    private final TicketManagement tickets;
    private final AttachmentDownloads downloads;
    private final CustomerManagement customers;
    private final UserManagement users;
    private final MessageSource messages;
    private final DataSize maxFileSize;
    private final DataSize maxRequestSize;

    RequestsController(
            TicketManagement tickets,
            AttachmentDownloads downloads,
            CustomerManagement customers,
            UserManagement users,
            MessageSource messages,
            @Value("${sportello.attachments.max-size:20MB}") DataSize maxFileSize,
            @Value("${spring.servlet.multipart.max-request-size:50MB}") DataSize maxRequestSize) {
        this.tickets = tickets;
        this.downloads = downloads;
        this.customers = customers;
        this.users = users;
        this.messages = messages;
        this.maxFileSize = maxFileSize;
        this.maxRequestSize = maxRequestSize;
    }

    @ModelAttribute
    void uploadLimits(Model model) {
        model.addAttribute("maxFileBytes", maxFileSize.toBytes());
        model.addAttribute("maxFileMegabytes", maxFileSize.toMegabytes());
        model.addAttribute("maxTotalBytes", maxRequestSize.toBytes());
    }

    @GetMapping("/portal")
    String list(@RequestParam(defaultValue = "0") int page, CurrentUser user, Model model) {
        // An account made by staff, or one whose address wrote in before, is linked on first visit.
        customers.forAccount(user);
        Page<Ticket> found =
                tickets.search(TicketSearch.all(), user, PageRequest.of(Math.max(page, 0), PAGE_SIZE, RECENT_FIRST));
        model.addAttribute(
                "requests",
                found.getContent().stream().map(RequestSummaryView::of).toList());
        model.addAttribute("page", found);
        return "portal/requests";
    }

    @GetMapping("/portal/requests/new")
    String newRequest(Model model) {
        return newRequestPage(model, RequestForm.empty(), Map.of(), false);
    }

    @PostMapping("/portal/requests")
    String open(
            @ModelAttribute RequestForm form,
            @RequestParam(name = "attachments", required = false) List<MultipartFile> files,
            CurrentUser user,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        FormErrors errors = new FormErrors(messages);
        form.check(errors);
        if (!errors.any()) {
            Long opened = attempt(
                    errors,
                    "description",
                    () -> tickets.open(
                                    new TicketManagement.NewTicket(
                                            form.subject(),
                                            null,
                                            new TicketManagement.Body(form.description(), null),
                                            Channel.WEB,
                                            null,
                                            null,
                                            null,
                                            null,
                                            uploads(files)),
                                    user)
                            .details()
                            .ticket()
                            .id()
                            .value());
            if (opened != null) {
                redirect.addFlashAttribute("created", opened);
                return "redirect:/portal/requests/" + opened;
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return newRequestPage(model, form, errors.asMap(), hasFiles(files));
    }

    @GetMapping("/portal/requests/{id}")
    String request(@PathVariable long id, CurrentUser user, Model model) {
        return requestPage(model, id, user, ReplyForm.empty(), Map.of(), false);
    }

    @PostMapping("/portal/requests/{id}/replies")
    String reply(
            @PathVariable long id,
            @ModelAttribute ReplyForm form,
            @RequestParam(name = "attachments", required = false) List<MultipartFile> files,
            CurrentUser user,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        FormErrors errors = new FormErrors(messages);
        form.check(errors);
        if (!errors.any()) {
            Long posted = attempt(
                    errors,
                    "body",
                    () -> tickets.addMessage(
                                    new TicketId(id),
                                    new TicketManagement.NewMessage(
                                            new TicketManagement.Body(form.body(), null),
                                            false,
                                            null,
                                            Channel.WEB,
                                            uploads(files)),
                                    user)
                            .message()
                            .messageId()
                            .value());
            if (posted != null) {
                redirect.addFlashAttribute("replied", true);
                return "redirect:/portal/requests/" + id + "#message-" + posted;
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return requestPage(model, id, user, form, errors.asMap(), hasFiles(files));
    }

    /** Always a download, typed from the bytes, sniffing off and sandboxed: an upload can never run as a page. */
    @GetMapping("/portal/attachments/{id}")
    ResponseEntity<InputStreamResource> download(@PathVariable long id, CurrentUser user) {
        Attachment attachment = tickets.attachment(id, user);
        return downloads.of(attachment);
    }

    /**
     * Runs a write and turns what the ticket module refuses into errors next to the fields; null
     * when refused. Nothing is stored then: the ticket module writes all or nothing.
     */
    private <T> T attempt(FormErrors errors, String textField, Supplier<T> write) {
        try {
            return write.get();
        } catch (InvalidInputException e) {
            e.fieldErrors()
                    .keySet()
                    .forEach(field -> errors.reject(
                            field.equals("subject") ? "subject" : textField,
                            field.equals("subject") ? "portal.new.subject.required" : "portal.text.required"));
        } catch (PayloadTooLargeException e) {
            errors.reject("attachments", "portal.attachments.too-large", maxFileSize.toMegabytes());
        } catch (UnsupportedContentException e) {
            errors.reject("attachments", "portal.attachments.refused");
        } catch (ConflictException e) {
            errors.reject(textField, "portal.reply.closed");
        }
        return null;
    }

    private String newRequestPage(Model model, RequestForm form, Map<String, String> errors, boolean filesDropped) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("filesDropped", filesDropped);
        return "portal/new-request";
    }

    private String requestPage(
            Model model, long id, CurrentUser user, ReplyForm form, Map<String, String> errors, boolean filesDropped) {
        model.addAttribute("request", view(tickets.details(new TicketId(id), user)));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("filesDropped", filesDropped);
        return "portal/request";
    }

    private RequestView view(TicketManagement.TicketDetails details) {
        Ticket ticket = details.ticket();
        // The ticket module leaves notes out for customers already; this keeps them out whatever it hands us.
        List<Message> conversation =
                details.messages().stream().filter(m -> !m.internal()).toList();
        Map<UserId, User> agents = users.findAll(conversation.stream()
                .map(m -> m.authorUser().orElse(null))
                .filter(Objects::nonNull)
                .distinct()
                .toList());
        List<RequestView.MessageView> shown = conversation.stream()
                .map(m -> new RequestView.MessageView(
                        m.messageId().value(),
                        m.authorType() == AuthorType.CUSTOMER,
                        m.authorUser().map(agents::get).map(User::displayName).orElse(null),
                        m.bodyHtml(),
                        m.newPart().map(SafeHtml::html).orElse(null),
                        m.createdAt(),
                        details.attachments().getOrDefault(m.messageId(), List.of()).stream()
                                .map(a -> new RequestView.FileView(a.id(), a.fileName(), size(a.size())))
                                .toList()))
                .toList();
        return new RequestView(
                ticket.id().value(),
                ticket.subject(),
                CustomerStatus.of(ticket.status()),
                ticket.createdAt(),
                ticket.status() == TicketStatus.CLOSED,
                shown);
    }

    private static List<TicketManagement.Upload> uploads(List<MultipartFile> files) {
        return files == null
                ? List.of()
                : files.stream()
                        .filter(f -> !f.isEmpty())
                        .map(f -> new TicketManagement.Upload(f.getOriginalFilename(), f.getContentType(), f))
                        .toList();
    }

    private static boolean hasFiles(List<MultipartFile> files) {
        return files != null && files.stream().anyMatch(f -> !f.isEmpty());
    }

    /** "512 B", "14 kB", "2.3 MB": enough to judge a download. */
    private static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return (bytes + 1023) / 1024 + " kB";
        }
        return String.format(LocaleContextHolder.getLocale(), "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
