package it.sportello.ticket.web;

import it.sportello.shared.web.OversizedUploads;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A reply whose files exceed the upload limit cannot even be read: the first look at its fields
 * (Spring Security's CSRF check, before any controller) fails, and so would the error page. This
 * reads the reply form first, and when it is too large sends the agent back to the ticket, where
 * the reply box explains the limit. Nothing is stored, so no CSRF check is needed for that.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class TicketPageUploadLimit extends OncePerRequestFilter {

    private static final Pattern REPLY = Pattern.compile("^/tickets/(\\d{1,18})/messages$");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return !"POST".equals(request.getMethod())
                || type == null
                || !type.toLowerCase(Locale.ROOT).startsWith(MediaType.MULTIPART_FORM_DATA_VALUE)
                || !REPLY.matcher(path(request)).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            request.getParts();
        } catch (IOException | ServletException | RuntimeException e) {
            if (OversizedUploads.isCause(e)) {
                Matcher reply = REPLY.matcher(path(request));
                reply.matches();
                response.setStatus(HttpStatus.SEE_OTHER.value());
                response.setHeader(
                        "Location",
                        request.getContextPath() + "/tickets/" + reply.group(1) + "?upload=too-large#reply");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
