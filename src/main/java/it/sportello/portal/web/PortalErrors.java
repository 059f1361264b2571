package it.sportello.portal.web;

import it.sportello.shared.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Something a customer asked for that is not theirs, or not there, gets the friendly 404 page,
 * the same for both so ids cannot be probed.
 */
@ControllerAdvice(basePackageClasses = PortalErrors.class)
class PortalErrors {

    @ExceptionHandler(NotFoundException.class)
    void notFound(HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }
}
