package it.sportello.portal.web;

import it.sportello.identity.CurrentUser;
import it.sportello.identity.SignIn;
import it.sportello.identity.UserManagement;
import it.sportello.shared.SupportedLocale;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Sign-up for customers: a customer account linked to the customer record of its address, then
 * straight in, in the language the customer chose. Each client address may try only so many
 * sign-ups an hour ({@link SignUpLimits}).
 */
@Controller
class SignUpController {

    private final SignUps signUps;
    private final SignUpLimits limits;
    private final SignIn signIn;
    private final LocaleResolver localeResolver;
    private final MessageSource messages;

    SignUpController(
            SignUps signUps,
            SignUpLimits limits,
            SignIn signIn,
            LocaleResolver localeResolver,
            MessageSource messages) {
        this.signUps = signUps;
        this.limits = limits;
        this.signIn = signIn;
        this.localeResolver = localeResolver;
        this.messages = messages;
    }

    @GetMapping("/portal/signup")
    String form(Model model) {
        if (PortalViewer.customer().isPresent()) {
            return "redirect:/portal";
        }
        SupportedLocale language = SupportedLocale.fromCode(
                        LocaleContextHolder.getLocale().getLanguage())
                .orElse(SupportedLocale.IT);
        return page(model, SignUpForm.empty(language), Map.of());
    }

    @PostMapping("/portal/signup")
    String signUp(
            @ModelAttribute SignUpForm form,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        FormErrors errors = new FormErrors(messages);
        form.check(errors);
        if (!errors.any()) {
            // Only complete forms count: they are the ones that create accounts or reveal a taken address.
            if (!limits.tryAddress(request.getRemoteAddr())) {
                response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
                model.addAttribute("limited", true);
                return page(model, form.withoutPassword(), Map.of());
            }
            if (signUps.isTaken(form.email())) {
                errors.reject("email", "portal.signup.email.taken");
            } else {
                try {
                    signUps.create(form);
                } catch (SignUps.AddressTaken e) {
                    errors.reject("email", "portal.signup.email.taken");
                }
            }
        }
        if (errors.any()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(model, form.withoutPassword(), errors.asMap());
        }
        CurrentUser customer = signIn.withPassword(form.email().strip(), form.password(), request, response);
        localeResolver.setLocale(request, response, form.locale().locale());
        redirect.addFlashAttribute("welcome", customer.displayName());
        return "redirect:/portal";
    }

    private static String page(Model model, SignUpForm form, Map<String, String> errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("minPasswordLength", UserManagement.MIN_PASSWORD_LENGTH);
        return "portal/signup";
    }
}
