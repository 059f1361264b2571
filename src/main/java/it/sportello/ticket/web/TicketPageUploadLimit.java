package it.sportello.ticket.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * A reply whose files exceed the upload limit fails while the request is read, before any
 * controller runs; the ticket page's reply box then comes back with the limit explained instead of
 * a bare error page. (The reply form carries its CSRF token in the URL too, because the body holding
 * the hidden field is exactly what cannot be read in this case.)
 */
@Component
class TicketPageUploadLimit implements HandlerExceptionResolver, Ordered {

    private static final Pattern REPLY = Pattern.compile("^/tickets/(\\d{1,18})/messages$");

    @Override
    public ModelAndView resolveException(
            HttpServletRequest request, HttpServletResponse response, Object handler, Exception e) {
        if (!(e instanceof MaxUploadSizeExceededException)) {
            return null;
        }
        Matcher reply = REPLY.matcher(
                request.getRequestURI().substring(request.getContextPath().length()));
        if (!reply.matches()) {
            return null;
        }
        RedirectView back = new RedirectView("/tickets/" + reply.group(1) + "?upload=too-large#reply", true);
        back.setStatusCode(org.springframework.http.HttpStatus.SEE_OTHER);
        return new ModelAndView(back);
    }

    /** Before Spring MVC's own resolvers, which would answer with a bare error status. */
    @Override
    public int getOrder() {
        return -2;
    }
}
