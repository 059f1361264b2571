package it.sportello.portal.web;

import it.sportello.identity.CurrentUser;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is looking at a public portal page, if it is a signed-in customer (they skip the sign-in pages). */
final class PortalViewer {

    private PortalViewer() {}

    static Optional<CurrentUser> customer() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof CurrentUser user && user.isCustomer()
                ? Optional.of(user)
                : Optional.empty();
    }
}
