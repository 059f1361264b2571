package it.sportello.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * An upload over the size limit fails while the request is read, before any controller is chosen,
 * so the API's problem handler never sees it; and the error page cannot answer either, because
 * reading the same request fails again there. This answers it with a 413 problem at once.
 */
@Component
class UploadTooLargeResolver implements HandlerExceptionResolver, Ordered {

    private final ProblemWriter problems;

    UploadTooLargeResolver(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public ModelAndView resolveException(
            HttpServletRequest request, HttpServletResponse response, Object handler, Exception e) {
        if (!(e instanceof MaxUploadSizeExceededException)
                || !request.getRequestURI().startsWith("/api/")) {
            return null;
        }
        try {
            problems.write(response, HttpStatus.CONTENT_TOO_LARGE, "The upload is larger than allowed");
        } catch (IOException io) {
            throw new UncheckedIOException(io);
        }
        return new ModelAndView();
    }

    /** Before Spring MVC's own resolvers, which would answer with an empty error page. */
    @Override
    public int getOrder() {
        return -1;
    }
}
