package it.sportello.ticket.web;

import it.sportello.shared.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * An unknown ticket (or attachment) on the ticket pages is the friendly "not found" page in the
 * visitor's language, drawn by the application's error page, not a server error.
 */
@ControllerAdvice(
        assignableTypes = {
            TicketPageController.class,
            TicketPageReplyController.class,
            TicketPagePropertiesController.class,
            TicketPageMergeController.class
        })
class TicketPageErrors {

    @ExceptionHandler(NotFoundException.class)
    void notFound(HttpServletResponse response) throws IOException {
        response.sendError(HttpStatus.NOT_FOUND.value());
    }
}
