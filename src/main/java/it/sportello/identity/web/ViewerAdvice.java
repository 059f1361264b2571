package it.sportello.identity.web;

import it.sportello.identity.CurrentUser;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the signed-in person (or nobody) in every page's model, for the layout's navigation. */
@ControllerAdvice(annotations = Controller.class)
class ViewerAdvice {

    @ModelAttribute("viewer")
    CurrentUser viewer() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof CurrentUser user ? user : null;
    }
}
