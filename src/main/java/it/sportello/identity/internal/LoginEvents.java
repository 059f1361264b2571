package it.sportello.identity.internal;

import it.sportello.identity.AuditLog;
import it.sportello.identity.CurrentUser;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/** Feeds sign-in outcomes to the throttle and the audit log. */
@Component
class LoginEvents {

    private final LoginThrottle throttle;
    private final AuditLog audit;

    LoginEvents(LoginThrottle throttle, AuditLog audit) {
        this.throttle = throttle;
        this.audit = audit;
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        // Token calls authenticate on every request; only interactive sign-ins are worth a line.
        if (event.getAuthentication().getPrincipal() instanceof CurrentUser user
                && event.getAuthentication().getDetails() instanceof WebAuthenticationDetails) {
            throttle.recordSuccess(user.email());
            audit.recordFor(
                    user.id(),
                    user.email(),
                    "login.succeeded",
                    "user:" + user.id().value(),
                    null);
        }
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        String account = String.valueOf(event.getAuthentication().getPrincipal());
        String address = event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress()
                : "unknown";
        throttle.recordFailure(account, address);
        audit.recordFor(
                null,
                account,
                "login.failed",
                null,
                event.getException().getClass().getSimpleName());
    }
}
