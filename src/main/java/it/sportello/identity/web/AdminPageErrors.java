package it.sportello.identity.web;

import it.sportello.shared.NotFoundException;
import java.util.Map;
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

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound() {
        return new ModelAndView("error", Map.of("status", 404), HttpStatus.NOT_FOUND);
    }
}
