package it.sportello.channel.form.web;

import it.sportello.automation.AcknowledgementTemplates;
import it.sportello.channel.form.internal.ContactThrottle;
import it.sportello.knowledge.Deflections;
import it.sportello.shared.SupportedLocale;
import it.sportello.ticket.Channel;
import it.sportello.ticket.TicketManagement;
import it.sportello.ticket.TicketManagement.Body;
import it.sportello.ticket.TicketManagement.NewTicket;
import it.sportello.ticket.TicketManagement.Requester;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The public contact form: write to the desk without an account, get a reference number back.
 * While the subject is written, the help center suggests answers; a submission tells it that the
 * answers opened during this visit did not settle the matter.
 */
@Controller
class ContactFormController {

    private static final Logger log = LoggerFactory.getLogger(ContactFormController.class);

    private final TicketManagement tickets;
    private final ContactThrottle throttle;
    private final Deflections deflections;
    private final AcknowledgementTemplates acknowledgements;

    ContactFormController(
            TicketManagement tickets,
            ContactThrottle throttle,
            Deflections deflections,
            AcknowledgementTemplates acknowledgements) {
        this.acknowledgements = acknowledgements;
        this.tickets = tickets;
        this.throttle = throttle;
        this.deflections = deflections;
    }

    @GetMapping("/contact")
    String form(Model model) {
        model.addAttribute("form", ContactForm.empty(deflections.newToken()));
        return "contact/form";
    }

    @PostMapping("/contact")
    String submit(
            @Valid @ModelAttribute("form") ContactForm form,
            BindingResult errors,
            HttpServletRequest request,
            HttpServletResponse response,
            Locale locale,
            RedirectAttributes redirect,
            Model model) {
        if (form.caughtInHoneypot()) {
            // Answer as if it worked: a bot that learns it was caught comes back smarter.
            log.info("Contact form submission dropped by the honeypot");
            return "redirect:/contact/sent";
        }
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "contact/form";
        }
        if (!throttle.tryAcquire(request.getRemoteAddr())) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader(
                    HttpHeaders.RETRY_AFTER, String.valueOf(throttle.window().toSeconds()));
            model.addAttribute("throttled", true);
            return "contact/form";
        }
        SupportedLocale language =
                SupportedLocale.fromCode(locale.getLanguage()).orElse(SupportedLocale.IT);
        TicketManagement.Opened opened = tickets.receive(new NewTicket(
                form.subject(),
                new Requester(null, form.email().trim(), null, blankToNull(form.name()), language),
                new Body(form.message(), null),
                Channel.WEB,
                null,
                List.of(),
                null,
                null,
                List.of()));
        try {
            deflections.submitted(form.suggestionToken());
        } catch (DataAccessException e) {
            // The request is in; only the help center's count of deflected requests is off by one.
            log.warn("Could not tell the help center that a contact form was submitted: {}", e.getMessage());
        }
        redirect.addFlashAttribute("reference", opened.details().ticket().id().value());
        // The web channel's acknowledgement (with the promised response time) is the confirmation's text.
        acknowledgements
                .of(opened.details().ticket().id(), Channel.WEB, language)
                .ifPresent(ack -> redirect.addFlashAttribute("acknowledgement", ack.body()));
        redirect.addFlashAttribute("email", form.email().trim());
        return "redirect:/contact/sent";
    }

    /** The confirmation; reached only right after a submission (the reference travels as a flash attribute). */
    @GetMapping("/contact/sent")
    String sent() {
        return "contact/sent";
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
