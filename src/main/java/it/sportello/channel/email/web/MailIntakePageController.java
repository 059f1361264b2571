package it.sportello.channel.email.web;

import it.sportello.channel.email.EmailIntake;
import it.sportello.channel.email.EmailIntake.IntakeResult;
import it.sportello.channel.email.inbound.InboundStatus;
import it.sportello.channel.email.outbound.FailedMails;
import it.sportello.shared.ConflictException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The mail that did not go through, for admins: received messages that failed (or were ignored)
 * with the reason, to replay from their stored copy, and outgoing mails the outbox gave up on,
 * to send once more.
 */
@Controller
@RequestMapping("/admin/mail-intake")
@PreAuthorize("hasRole('ADMIN')")
class MailIntakePageController {

    private static final int LIMIT = 100;

    private final EmailIntake intake;
    private final FailedMails outbox;
    private final MessageSource messages;

    MailIntakePageController(EmailIntake intake, FailedMails outbox, MessageSource messages) {
        this.intake = intake;
        this.outbox = outbox;
        this.messages = messages;
    }

    @GetMapping
    String show(Model model) {
        model.addAttribute("failed", intake.withStatus(InboundStatus.FAILED, LIMIT));
        model.addAttribute("ignored", intake.withStatus(InboundStatus.IGNORED, LIMIT));
        model.addAttribute("outgoing", outbox.newest(LIMIT));
        return "channel/email/intake";
    }

    @PostMapping("/{id}/replay")
    String replay(@PathVariable long id, RedirectAttributes redirect) {
        IntakeResult result = intake.replay(id);
        switch (result.status()) {
            case PROCESSED ->
                flash(
                        redirect,
                        "mailadmin.intake.replayed.processed",
                        String.valueOf(id),
                        String.valueOf(result.ticketId()));
            case FAILED -> flash(redirect, "mailadmin.intake.replayed.failed", String.valueOf(id), result.reason());
            case IGNORED -> flash(redirect, "mailadmin.intake.replayed.ignored", String.valueOf(id), result.reason());
            case RECEIVED -> flash(redirect, "mailadmin.intake.replayed.waiting", String.valueOf(id));
        }
        return "redirect:/admin/mail-intake";
    }

    @PostMapping("/outbox/{id}/retry")
    String retry(@PathVariable long id, RedirectAttributes redirect) {
        try {
            outbox.retry(id);
            flash(redirect, "mailadmin.outbox.retried", String.valueOf(id));
        } catch (ConflictException e) {
            // Sent or queued again in another tab meanwhile: nothing to do, say so.
            flash(redirect, "mailadmin.outbox.not-failed", String.valueOf(id));
        }
        return "redirect:/admin/mail-intake";
    }

    private void flash(RedirectAttributes redirect, String key, Object... arguments) {
        redirect.addFlashAttribute("notice", messages.getMessage(key, arguments, LocaleContextHolder.getLocale()));
    }
}
