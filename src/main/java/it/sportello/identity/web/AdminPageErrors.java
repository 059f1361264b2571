package it.sportello.identity.web;

import it.sportello.shared.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * An unknown user, group or token on an admin page is the friendly "not found" page, not a server
 * error. (Only the API has a shared handler for it so far; this covers the admin pages.)
 */
@ControllerAdvice(
        assignableTypes = {
            AdminUsersController.class,
            AdminGroupsController.class,
            AdminTokensController.class,
            AdminAuditController.class
        })
class AdminPageErrors {

    private final ViewerAdvice viewer;

    AdminPageErrors(ViewerAdvice viewer) {
        this.viewer = viewer;
    }

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound() {
        // Model attribute methods do not run for exception handlers: the layout still wants its viewer.
        ModelAndView page = new ModelAndView("error", HttpStatus.NOT_FOUND);
        page.addObject("status", 404);
        page.addObject("viewer", viewer.viewer());
        return page;
    }
}
