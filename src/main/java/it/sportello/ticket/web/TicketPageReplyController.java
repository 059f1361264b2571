package it.sportello.ticket.web;

import it.sportello.identity.CurrentUser;
import it.sportello.shared.ConflictException;
import it.sportello.shared.InvalidInputException;
import it.sportello.shared.PayloadTooLargeException;
import it.sportello.shared.UnsupportedContentException;
import it.sportello.ticket.TicketId;
import it.sportello.ticket.TicketManagement;
import it.sportello.ticket.TicketManagement.PostedMessage;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The reply box of the ticket page: a public reply or an internal note, with files, optionally
 * setting the status in the same step. Replies never conflict with each other: one typed while
 * someone else answered is still sent, and the page that follows shows both.
 */
@Controller
class TicketPageReplyController {

    private final TicketManagement tickets;
    private final TicketPageViews views;
    private final MessageSource messages;
    private final DataSize maxSize;

    TicketPageReplyController(
            TicketManagement tickets,
            TicketPageViews views,
            MessageSource messages,
            @Value("${sportello.attachments.max-size:20MB}") DataSize maxSize) {
        this.tickets = tickets;
        this.views = views;
        this.messages = messages;
        this.maxSize = maxSize;
    }

    @PostMapping("/tickets/{id}/messages")
    String send(
            @PathVariable long id,
            @ModelAttribute("reply") TicketPageReplyForm form,
            BindingResult binding,
            @RequestParam(name = "attachments", required = false) List<MultipartFile> files,
            CurrentUser user,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        TicketId ticket = new TicketId(id);
        Map<String, String> errors = new LinkedHashMap<>();
        if (binding.hasFieldErrors("statusAfter")) {
            errors.put("statusAfter", text("workspace.reply.error.status"));
        }
        String body = form.body() == null ? "" : form.body();
        if (body.isBlank()) {
            errors.put("body", text("workspace.reply.error.empty"));
        } else if (body.length() > TicketPageReplyForm.MAX_BODY) {
            errors.put("body", text("workspace.reply.error.too-long", TicketPageReplyForm.MAX_BODY));
        }
        if (errors.isEmpty()) {
            try {
                PostedMessage posted = tickets.addMessage(
                        ticket,
                        new TicketManagement.NewMessage(
                                new TicketManagement.Body(body, null),
                                form.note(),
                                binding.hasErrors() ? null : form.statusAfter(),
                                null,
                                uploads(files)),
                        user);
                redirect.addFlashAttribute(
                        "notice", text(form.note() ? "workspace.notice.note-added" : "workspace.notice.reply-sent"));
                return "redirect:/tickets/" + id + "#message-"
                        + posted.message().messageId().value();
            } catch (InvalidInputException e) {
                errors.put("body", text("workspace.reply.error.empty"));
            } catch (UnsupportedContentException e) {
                errors.put("attachments", text("workspace.reply.error.file-type"));
            } catch (PayloadTooLargeException e) {
                errors.put("attachments", text("workspace.reply.error.file-size", maxSize.toMegabytes()));
            } catch (ConflictException e) {
                TicketPageView now = views.page(ticket, user);
                if (now.closed()) {
                    errors.put("body", text("workspace.reply.error.closed"));
                } else {
                    errors.put(
                            "statusAfter",
                            text(
                                    "workspace.reply.error.transition",
                                    text("ticket.status." + now.status().code())));
                }
            }
        }
        if (!errors.containsKey("attachments") && !uploads(files).isEmpty()) {
            // Browsers cannot refill a file field: say so, rather than let the files vanish silently.
            errors.put("attachments", text("workspace.reply.error.attach-again"));
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return TicketPageModel.page(model, views.page(ticket, user), form, null, null, errors);
    }

    private static List<TicketManagement.Upload> uploads(List<MultipartFile> files) {
        return files == null
                ? List.of()
                : files.stream()
                        .filter(f -> !f.isEmpty())
                        .map(f -> new TicketManagement.Upload(f.getOriginalFilename(), f.getContentType(), f))
                        .toList();
    }

    private String text(String key, Object... args) {
        return TicketPageModel.text(messages, key, args);
    }
}
