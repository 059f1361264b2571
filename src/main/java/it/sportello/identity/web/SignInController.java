package it.sportello.identity.web;

import it.sportello.identity.CurrentUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** The staff sign-in page and where everyone lands after it. */
@Controller
class SignInController {

    @GetMapping("/login")
    String login() {
        return "identity/login";
    }

    /** Where the sign-in throttle forwards a refused attempt; the 429 status is already set. */
    @RequestMapping("/login/throttled")
    String throttled(Model model) {
        model.addAttribute("throttled", true);
        return "identity/login";
    }

    /** Everyone starts where their work is: staff in the inbox, customers among their requests. */
    @GetMapping("/")
    String home(CurrentUser user) {
        return user.isCustomer() ? "redirect:/portal" : "redirect:/inbox";
    }
}
