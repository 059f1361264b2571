package it.sportello.identity.internal;

import it.sportello.identity.User;
import it.sportello.identity.UserManagement;
import java.util.List;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Checks an e-mail and password and yields a {@link it.sportello.identity.CurrentUser} principal.
 * Unknown accounts cost as much time as wrong passwords, so answers do not reveal which accounts exist.
 */
@Component
class PasswordAuthenticationProvider implements AuthenticationProvider {

    private final UserManagement users;
    private final PasswordEncoder encoder;
    private final String decoyHash;

    PasswordAuthenticationProvider(UserManagement users, PasswordEncoder encoder) {
        this.users = users;
        this.encoder = encoder;
        this.decoyHash = encoder.encode("decoy-password-for-timing");
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String email = String.valueOf(authentication.getPrincipal());
        String password = String.valueOf(authentication.getCredentials());
        User user = users.findByEmail(email).orElse(null);
        boolean matches = encoder.matches(
                password, user == null || user.passwordHash() == null ? decoyHash : user.passwordHash());
        if (user == null || user.passwordHash() == null || !matches || !user.active()) {
            throw new BadCredentialsException("Wrong e-mail or password");
        }
        UsernamePasswordAuthenticationToken result = UsernamePasswordAuthenticationToken.authenticated(
                user.asCurrentUser(),
                null,
                List.of(new SimpleGrantedAuthority(user.role().authority())));
        result.setDetails(authentication.getDetails());
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
