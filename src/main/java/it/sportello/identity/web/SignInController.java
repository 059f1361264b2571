package it.sportello.identity.web;

import it.sportello.identity.CurrentUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** The sign-in page and the landing page after it. */
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

    @GetMapping("/")
    String home(CurrentUser user, Model model) {
        model.addAttribute("user", user);
        return "identity/home";
    }
}
