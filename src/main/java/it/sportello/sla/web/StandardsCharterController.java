package it.sportello.sla.web;

import it.sportello.identity.CurrentUser;
import it.sportello.identity.Role;
import it.sportello.shared.ConflictException;
import it.sportello.sla.StandardCharter;
import it.sportello.sla.StandardTerms;
import it.sportello.sla.Standards;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The "Carta dei servizi": the published standards in plain words, with the version, the date and
 * who published it. Supervisors also see the draft (the standards active now) and publish it.
 */
@Controller
@RequestMapping("/standards/charter")
@PreAuthorize("hasRole('AGENT')")
class StandardsCharterController {

    private final Standards standards;
    private final MessageSource messages;

    StandardsCharterController(Standards standards, MessageSource messages) {
        this.standards = standards;
        this.messages = messages;
    }

    /** One promise as the charter reads. */
    record CharterLine(String name, String sentence, String description) {}

    @GetMapping
    String charter(@AuthenticationPrincipal CurrentUser viewer, Model model) {
        Locale locale = LocaleContextHolder.getLocale();
        StandardCharter published = standards.publishedCharter().orElse(null);
        model.addAttribute("published", published);
        model.addAttribute("lines", published == null ? List.of() : lines(published.standards(), locale));
        boolean supervisor = viewer.hasAtLeast(Role.SUPERVISOR);
        model.addAttribute("supervisor", supervisor);
        if (supervisor) {
            model.addAttribute("draft", lines(standards.draftCharter(), locale));
        }
        return "sla/standards-charter";
    }

    @PostMapping("/publish")
    @PreAuthorize("hasRole('SUPERVISOR')")
    String publish(@AuthenticationPrincipal CurrentUser publisher, RedirectAttributes redirect) {
        try {
            standards.publish(publisher);
            redirect.addFlashAttribute("notice", "standards.charter.published.notice");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("problem", "standards.charter.nothing");
        }
        return "redirect:/standards/charter";
    }

    private List<CharterLine> lines(List<StandardTerms> terms, Locale locale) {
        return terms.stream()
                .map(t -> new CharterLine(t.name(), t.sentence(messages, locale), t.description()))
                .toList();
    }
}
