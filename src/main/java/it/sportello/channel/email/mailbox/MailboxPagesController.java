package it.sportello.channel.email.mailbox;

import it.sportello.identity.AgentGroup;
import it.sportello.identity.UserManagement;
import it.sportello.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin's mailbox pages: the list with how each one's last poll went, a new mailbox, a
 * change, and a removal after a confirmation. The rules are the service's, as for the API.
 */
@Controller
@RequestMapping("/admin/mailboxes")
@PreAuthorize("hasRole('ADMIN')")
class MailboxPagesController {

    private static final String FORM = "mailboxForm";

    private final Mailboxes mailboxes;
    private final UserManagement users;
    private final MessageSource messages;

    MailboxPagesController(Mailboxes mailboxes, UserManagement users, MessageSource messages) {
        this.mailboxes = mailboxes;
        this.users = users;
        this.messages = messages;
    }

    /** A mailbox in the list. */
    record MailboxRow(
            long id,
            String name,
            String address,
            String host,
            int port,
            String groupName,
            boolean enabled,
            Instant lastPollAt,
            String lastError) {}

    /** A group an admin can send a mailbox's new tickets to. */
    record GroupChoice(long id, String name) {}

    @GetMapping
    String list(Model model) {
        Map<Long, String> groups = groupNames();
        model.addAttribute(
                "mailboxes",
                mailboxes.all().stream()
                        .map(m -> new MailboxRow(
                                m.id(),
                                m.name(),
                                m.address(),
                                m.host(),
                                m.port(),
                                m.groupId() == null ? null : groups.get(m.groupId()),
                                m.enabled(),
                                m.lastPollAt(),
                                m.lastError()))
                        .toList());
        return "channel/email/mailboxes";
    }

    @GetMapping("/new")
    String newMailbox(Model model) {
        model.addAttribute(FORM, MailboxPageForm.empty());
        return showForm(null, model);
    }

    @PostMapping
    String create(
            @ModelAttribute(FORM) MailboxPageForm form,
            BindingResult errors,
            RedirectAttributes redirect,
            HttpServletResponse response,
            Model model) {
        Mailbox created;
        try {
            created = mailboxes.create(form.settings());
        } catch (InvalidInputException e) {
            reject(e, errors);
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return showForm(null, model);
        }
        flash(redirect, "mailadmin.mailboxes.notice.created", created.name());
        return "redirect:/admin/mailboxes";
    }

    @GetMapping("/{id}")
    String edit(@PathVariable long id, Model model) {
        Mailbox mailbox = mailboxes.get(id);
        model.addAttribute(FORM, MailboxPageForm.of(mailbox));
        return showForm(mailbox, model);
    }

    @PostMapping("/{id}")
    String update(
            @PathVariable long id,
            @ModelAttribute(FORM) MailboxPageForm form,
            BindingResult errors,
            RedirectAttributes redirect,
            HttpServletResponse response,
            Model model) {
        Mailbox mailbox = mailboxes.get(id);
        Mailbox saved;
        try {
            saved = mailboxes.update(id, form.settings());
        } catch (InvalidInputException e) {
            reject(e, errors);
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return showForm(mailbox, model);
        }
        flash(redirect, "mailadmin.mailboxes.notice.saved", saved.name());
        return "redirect:/admin/mailboxes";
    }

    @GetMapping("/{id}/delete")
    String confirmDelete(@PathVariable long id, Model model) {
        model.addAttribute("mailbox", mailboxes.get(id));
        return "channel/email/mailbox-delete";
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        Mailbox mailbox = mailboxes.get(id);
        mailboxes.delete(id);
        flash(redirect, "mailadmin.mailboxes.notice.deleted", mailbox.name());
        return "redirect:/admin/mailboxes";
    }

    private String showForm(Mailbox mailbox, Model model) {
        model.addAttribute("mailbox", mailbox);
        model.addAttribute(
                "groups",
                users.groups().stream()
                        .map(g -> new GroupChoice(g.id().value(), g.name()))
                        .toList());
        return "channel/email/mailbox-form";
    }

    private Map<Long, String> groupNames() {
        return users.groups().stream().collect(Collectors.toMap(g -> g.id().value(), AgentGroup::name, (a, b) -> a));
    }

    /**
     * The service's field errors beside their fields, in the reader's language: "required" reads the
     * same for every field, any other rule has its own sentence per field.
     */
    private static void reject(InvalidInputException e, BindingResult errors) {
        e.fieldErrors().forEach((field, message) -> {
            String code = "required".equals(message) ? "mailadmin.error.required" : "mailadmin.error." + field;
            if (errors.getFieldType(field) != null) {
                errors.rejectValue(field, code, message);
            } else {
                errors.reject(code, message);
            }
        });
    }

    private void flash(RedirectAttributes redirect, String key, Object... arguments) {
        redirect.addFlashAttribute("notice", messages.getMessage(key, arguments, LocaleContextHolder.getLocale()));
    }
}
