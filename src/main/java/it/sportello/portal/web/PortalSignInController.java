package it.sportello.portal.web;

import it.sportello.identity.MagicLinks;
import it.sportello.identity.SignIn;
import it.sportello.shared.NotFoundException;
import it.sportello.shared.TooManyRequestsException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The portal's sign-in page and sign-in links. The password form posts to the desk's own
 * {@code /login} (marked {@code portal=1}, so a failure comes back here). A link is asked for with
 * an e-mail address and every request gets the same answer, whether or not the address has an
 * account. Opening a link shows a button that signs in: mail scanners that fetch links to check
 * them do not use it up, since only the button's POST does.
 */
@Controller
class PortalSignInController {

    private final MagicLinks magicLinks;
    private final MagicLinkMail mail;
    private final SignIn signIn;
    private final MessageSource messages;

    PortalSignInController(MagicLinks magicLinks, MagicLinkMail mail, SignIn signIn, MessageSource messages) {
        this.magicLinks = magicLinks;
        this.mail = mail;
        this.signIn = signIn;
        this.messages = messages;
    }

    @GetMapping("/portal/login")
    String login(Model model) {
        if (PortalViewer.customer().isPresent()) {
            return "redirect:/portal";
        }
        return loginPage(model, "", Map.of());
    }

    /** Where the sign-in throttle forwards a refused portal attempt; the 429 status is already set. */
    @RequestMapping("/portal/login/throttled")
    String throttled(Model model) {
        model.addAttribute("throttled", true);
        return loginPage(model, "", Map.of());
    }

    @PostMapping("/portal/magic-link")
    String requestLink(
            @RequestParam(defaultValue = "") String email,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        requireMail();
        FormErrors errors = new FormErrors(messages);
        if (email.isBlank()) {
            errors.reject("magic-email", "portal.email.required");
        } else if (!SignUpForm.looksLikeEmail(email)) {
            errors.reject("magic-email", "portal.email.invalid");
        }
        if (errors.any()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return loginPage(model, email, errors.asMap());
        }
        try {
            magicLinks
                    .issue(email.strip(), request.getRemoteAddr())
                    .ifPresent(link -> mail.send(link, lifetimeMinutes()));
        } catch (TooManyRequestsException e) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader(
                    HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfter().toSeconds()));
            model.addAttribute("linksLimited", true);
            return loginPage(model, email, Map.of());
        }
        return "redirect:/portal/magic-link";
    }

    /** The same answer for every address, so nobody learns here who has an account. */
    @GetMapping("/portal/magic-link")
    String linkSent(Model model) {
        requireMail();
        model.addAttribute("lifetimeMinutes", lifetimeMinutes());
        return "portal/magic-link-sent";
    }

    @GetMapping("/portal/magic-link/{token}")
    String openLink(@PathVariable String token, HttpServletResponse response, Model model) {
        noReferrer(response);
        boolean usable = magicLinks.isUsable(token);
        if (!usable) {
            response.setStatus(HttpStatus.GONE.value());
        }
        return linkPage(model, token, usable);
    }

    @PostMapping("/portal/magic-link/{token}")
    String useLink(@PathVariable String token, HttpServletRequest request, HttpServletResponse response, Model model) {
        noReferrer(response);
        if (signIn.withMagicLink(token, request, response).isPresent()) {
            return "redirect:/portal";
        }
        response.setStatus(HttpStatus.GONE.value());
        return linkPage(model, token, false);
    }

    private String loginPage(Model model, String magicEmail, Map<String, String> errors) {
        model.addAttribute("magicLinks", mail.available());
        model.addAttribute("magicEmail", magicEmail);
        model.addAttribute("lifetimeMinutes", lifetimeMinutes());
        model.addAttribute("errors", errors);
        return "portal/login";
    }

    private String linkPage(Model model, String token, boolean usable) {
        model.addAttribute("usable", usable);
        model.addAttribute("token", usable ? token : null);
        model.addAttribute("magicLinks", mail.available());
        model.addAttribute("magicEmail", "");
        model.addAttribute("lifetimeMinutes", lifetimeMinutes());
        model.addAttribute("errors", Map.of());
        return "portal/magic-link";
    }

    private void requireMail() {
        if (!mail.available()) {
            throw new NotFoundException("Page", "/portal/magic-link");
        }
    }

    private long lifetimeMinutes() {
        return magicLinks.lifetime().toMinutes();
    }

    /** The token is in this page's address: it must not travel on to anything the page loads. */
    private static void noReferrer(HttpServletResponse response) {
        response.setHeader("Referrer-Policy", "no-referrer");
    }
}
