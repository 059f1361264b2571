package it.sportello.identity.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import it.sportello.identity.CurrentUser;
import it.sportello.identity.User;
import it.sportello.identity.UserId;
import it.sportello.identity.UserManagement;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A browser session does not outlive its account: a deactivated or deleted user is signed out on
 * their next request, and a changed role or name takes effect without signing in again. The
 * account is looked up at most once per {@code sessionRecheck} per user on this node.
 */
class SessionAccountCheck extends OncePerRequestFilter {

    private final UserManagement users;
    private final Cache<UserId, Optional<CurrentUser>> recent;
    private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    SessionAccountCheck(UserManagement users, IdentityProperties properties) {
        this.users = users;
        this.recent = Caffeine.newBuilder()
                .expireAfterWrite(properties.login().sessionRecheck())
                .maximumSize(10_000)
                .build();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof CurrentUser signedIn) {
            Optional<CurrentUser> account = recent.get(signedIn.id(), this::activeAccount);
            if (account.isEmpty()) {
                signOut(request);
            } else if (!account.get().equals(signedIn)) {
                refresh(account.get(), authentication, request, response);
            }
        }
        chain.doFilter(request, response);
    }

    private Optional<CurrentUser> activeAccount(UserId id) {
        return users.findById(id).filter(User::active).map(User::asCurrentUser);
    }

    private static void signOut(HttpServletRequest request) {
        SecurityContextHolder.clearContext();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }

    private void refresh(
            CurrentUser account, Authentication previous, HttpServletRequest request, HttpServletResponse response) {
        UsernamePasswordAuthenticationToken updated = UsernamePasswordAuthenticationToken.authenticated(
                account, null, List.of(new SimpleGrantedAuthority(account.role().authority())));
        updated.setDetails(previous.getDetails());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(updated);
        SecurityContextHolder.setContext(context);
        sessions.saveContext(context, request, response);
    }
}
