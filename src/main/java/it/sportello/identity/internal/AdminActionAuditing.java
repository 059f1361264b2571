package it.sportello.identity.internal;

import it.sportello.identity.AuditLog;
import it.sportello.identity.CurrentUser;
import it.sportello.identity.Role;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Puts every changing request an admin makes into the audit log, whatever the module, with its
 * outcome. Modules add their own, more telling lines for the actions that matter most (role
 * changes, tokens); this is the net under them, so nothing an admin does goes unrecorded.
 */
@Configuration(proxyBeanMethods = false)
class AdminActionAuditing implements WebMvcConfigurer, HandlerInterceptor {

    private static final Set<String> CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final AuditLog audit;

    AdminActionAuditing(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        // A channel's inbound pipe (a mail server delivering raw mail with an admin token) is intake,
        // not an admin's action: every delivery is recorded by the channel itself, and an audit line
        // per message would be most of the intake's cost.
        registry.addInterceptor(this).excludePathPatterns("/api/v1/channels/*/inbound");
    }

    @Override
    public void afterCompletion(
            HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        if (!CHANGING.contains(request.getMethod())) {
            return;
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null
                && authentication.getPrincipal() instanceof CurrentUser user
                && user.role() == Role.ADMIN) {
            audit.record(
                    "admin.request",
                    request.getMethod() + " " + request.getRequestURI(),
                    "status=" + response.getStatus());
        }
    }
}
