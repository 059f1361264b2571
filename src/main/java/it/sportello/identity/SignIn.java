package it.sportello.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.stereotype.Component;

/**
 * Starts a signed-in web session, the same one the sign-in form starts (a {@link CurrentUser}
 * principal with the user's role, kept in the HTTP session), for someone who has just proved who
 * they are in another way: a newly signed-up customer with the password they chose, or a customer
 * with a sign-in link. Like the form, it gives the session a new id and a new CSRF token, so
 * nothing planted before sign-in carries over, and it reports the sign-in to the audit log.
 */
@Component
public class SignIn {

    private final AuthenticationConfiguration authentication;
    private final MagicLinks magicLinks;
    private final ApplicationEventPublisher events;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();
    private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();
    private final CsrfTokenRepository csrfTokens = new HttpSessionCsrfTokenRepository();

    SignIn(AuthenticationConfiguration authentication, MagicLinks magicLinks, ApplicationEventPublisher events) {
        this.authentication = authentication;
        this.magicLinks = magicLinks;
        this.events = events;
    }

    /**
     * Checks the e-mail and password as the sign-in form does and signs the caller in.
     *
     * @throws AuthenticationException when they do not match an active account
     */
    public CurrentUser withPassword(
            String email, String password, HttpServletRequest request, HttpServletResponse response) {
        UsernamePasswordAuthenticationToken attempt =
                UsernamePasswordAuthenticationToken.unauthenticated(email, password);
        attempt.setDetails(new WebAuthenticationDetails(request));
        Authentication result;
        try {
            result = manager().authenticate(attempt);
        } catch (Exception e) {
            if (e instanceof AuthenticationException refused) {
                throw refused;
            }
            throw new IllegalStateException("Could not check the password", e);
        }
        start(result, request, response);
        return (CurrentUser) result.getPrincipal();
    }

    /** Uses the sign-in link's token and signs its customer in; empty when the link is unknown, used or expired. */
    public Optional<CurrentUser> withMagicLink(String token, HttpServletRequest request, HttpServletResponse response) {
        return magicLinks.redeem(token).map(user -> {
            UsernamePasswordAuthenticationToken result = UsernamePasswordAuthenticationToken.authenticated(
                    user.asCurrentUser(),
                    null,
                    List.of(new SimpleGrantedAuthority(user.role().authority())));
            result.setDetails(new WebAuthenticationDetails(request));
            start(result, request, response);
            events.publishEvent(new AuthenticationSuccessEvent(result));
            return user.asCurrentUser();
        });
    }

    private void start(Authentication result, HttpServletRequest request, HttpServletResponse response) {
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        csrfTokens.saveToken(null, request, response);
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(result);
        contexts.setContext(context);
        sessions.saveContext(context, request, response);
    }

    private AuthenticationManager manager() throws Exception {
        return authentication.getAuthenticationManager();
    }
}
