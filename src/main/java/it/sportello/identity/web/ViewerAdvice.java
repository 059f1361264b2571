package it.sportello.identity.web;

import it.sportello.identity.CurrentUser;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The signed-in person (or nobody) for the layout's navigation: in every page's model as
 * {@code viewer}, and as {@code @viewerAdvice.viewer()} for the error pages, whose model the
 * {@code @ModelAttribute} methods never fill. Public for the templates' sake.
 */
@ControllerAdvice(annotations = Controller.class)
public class ViewerAdvice {

    @ModelAttribute("viewer")
    public CurrentUser viewer() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof CurrentUser user ? user : null;
    }
}
