package it.sportello.identity.internal;

import it.sportello.identity.ApiTokens;
import it.sportello.identity.CurrentUser;
import it.sportello.shared.web.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <token>}. A presented but unknown token is a 401 at
 * once (never a silent anonymous call) and counts as a failed attempt for the client's address;
 * past the limit, unknown tokens from that address get 429.
 */
class ApiTokenAuthenticationFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final ApiTokens tokens;
    private final LoginThrottle throttle;
    private final ProblemWriter problems;

    ApiTokenAuthenticationFilter(ApiTokens tokens, LoginThrottle throttle, ProblemWriter problems) {
        this.tokens = tokens;
        this.throttle = throttle;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            chain.doFilter(request, response);
            return;
        }
        String address = request.getRemoteAddr();
        Optional<CurrentUser> user =
                tokens.authenticate(header.substring(BEARER.length()).trim());
        if (user.isEmpty()) {
            // Only guessing is slowed down: a valid token works whatever others behind the same
            // address (a proxy, an office NAT) got wrong, since a 256-bit token cannot be guessed.
            if (throttle.isAddressBlocked(address)) {
                response.setHeader(
                        HttpHeaders.RETRY_AFTER,
                        String.valueOf(throttle.window().toSeconds()));
                problems.write(
                        response,
                        HttpStatus.TOO_MANY_REQUESTS,
                        "Too many failed attempts from this address; try again later");
                return;
            }
            throttle.recordFailure(null, address);
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
            problems.write(response, HttpStatus.UNAUTHORIZED, "The API token is unknown or revoked");
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                user.get(),
                null,
                List.of(new SimpleGrantedAuthority(user.get().role().authority()))));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
