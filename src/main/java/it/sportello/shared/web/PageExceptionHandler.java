package it.sportello.shared.web;

import it.sportello.shared.ConflictException;
import it.sportello.shared.InvalidInputException;
import it.sportello.shared.NotFoundException;
import it.sportello.shared.PayloadTooLargeException;
import it.sportello.shared.TooManyRequestsException;
import it.sportello.shared.UnsupportedContentException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * What a page shows when its controller fails: the friendly error page in the visitor's language
 * with the right status, never a stack trace. API controllers are answered first, with problem+json,
 * by {@link ApiExceptionHandler}.
 */
// Only for controllers: a request no controller took (an unknown path, an unsupported method or media
// type) goes on to ErrorResponses, which answers browsers with a page and everyone else with a problem.
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(PageExceptionHandler.class);

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound() {
        return page(HttpStatus.NOT_FOUND);
    }

    @ExceptionHandler({AccessDeniedException.class, AuthorizationDeniedException.class})
    ModelAndView forbidden() {
        return page(HttpStatus.FORBIDDEN);
    }

    @ExceptionHandler(ConflictException.class)
    ModelAndView conflict() {
        return page(HttpStatus.CONFLICT);
    }

    @ExceptionHandler({InvalidInputException.class, TypeMismatchException.class})
    ModelAndView invalid() {
        return page(HttpStatus.BAD_REQUEST);
    }

    @ExceptionHandler(PayloadTooLargeException.class)
    ModelAndView tooLarge() {
        return page(HttpStatus.CONTENT_TOO_LARGE);
    }

    @ExceptionHandler(UnsupportedContentException.class)
    ModelAndView unsupported() {
        return page(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    }

    @ExceptionHandler(TooManyRequestsException.class)
    ModelAndView tooMany(TooManyRequestsException e, HttpServletResponse response) {
        response.setHeader("Retry-After", String.valueOf(e.retryAfter().toSeconds()));
        return page(HttpStatus.TOO_MANY_REQUESTS);
    }

    /** Spring MVC's own failures (unknown path, wrong method, missing parameter) carry their status. */
    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception e) {
        if (OversizedUploads.isCause(e)) {
            return page(HttpStatus.CONTENT_TOO_LARGE);
        }
        if (e instanceof ErrorResponse known) {
            HttpStatus status = HttpStatus.resolve(known.getStatusCode().value());
            if (status != null && !status.is5xxServerError()) {
                return page(status);
            }
        }
        log.error("Unexpected error while serving a page", e);
        return page(HttpStatus.INTERNAL_SERVER_ERROR);
    }

    private static ModelAndView page(HttpStatus status) {
        return new ModelAndView("error", Map.of("status", status.value()), status);
    }
}
