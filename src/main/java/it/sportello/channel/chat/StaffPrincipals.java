package it.sportello.channel.chat;

import it.sportello.identity.CurrentUser;
import it.sportello.identity.Role;
import java.security.Principal;
import java.util.Optional;
import org.springframework.security.core.Authentication;

/** The member of staff behind a STOMP connection's principal (their signed-in session), if it is one. */
public final class StaffPrincipals {

    private StaffPrincipals() {}

    public static Optional<CurrentUser> of(Principal user) {
        if (user instanceof Authentication auth
                && auth.getPrincipal() instanceof CurrentUser current
                && current.hasAtLeast(Role.AGENT)) {
            return Optional.of(current);
        }
        return Optional.empty();
    }
}
