package it.sportello.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/** Answers 429 to a sign-in attempt for an account or from an address that failed too often. */
class LoginThrottleFilter extends OncePerRequestFilter {

    static final String THROTTLED_PAGE = "/login/throttled";
    static final String PORTAL_THROTTLED_PAGE = "/portal/login/throttled";

    private final LoginThrottle throttle;

    LoginThrottleFilter(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (throttle.isBlocked(request.getParameter("username"), request.getRemoteAddr())) {
            response.setStatus(429);
            response.setHeader(
                    HttpHeaders.RETRY_AFTER, String.valueOf(throttle.window().toSeconds()));
            // The portal's own sign-in form marks itself; its customers stay on the portal's page.
            String page = request.getParameter("portal") != null ? PORTAL_THROTTLED_PAGE : THROTTLED_PAGE;
            request.getRequestDispatcher(page).forward(request, response);
            return;
        }
        chain.doFilter(request, response);
    }
}
