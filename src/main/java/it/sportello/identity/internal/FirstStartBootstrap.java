package it.sportello.identity.internal;

import it.sportello.identity.ApiTokens;
import it.sportello.identity.Role;
import it.sportello.identity.User;
import it.sportello.identity.UserManagement;
import it.sportello.shared.ConflictException;
import it.sportello.shared.SupportedLocale;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * Makes a fresh desk usable: creates the first admin when there is none (with the configured
 * password, or a generated one logged this once) and the operator's automation token when
 * {@code SPORTELLO_API_TOKEN} is set. Safe to run on every start and on several nodes at once:
 * a second node finds the admin or the token already there.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class FirstStartBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstStartBootstrap.class);

    private final UserManagement users;
    private final ApiTokens tokens;
    private final IdentityProperties properties;

    FirstStartBootstrap(UserManagement users, ApiTokens tokens, IdentityProperties properties) {
        this.users = users;
        this.tokens = tokens;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        IdentityProperties.Admin admin = properties.admin();
        if (!users.anyAdmin()) {
            createFirstAdmin(admin);
        }
        String apiToken = properties.apiToken();
        if (apiToken != null && !apiToken.isBlank()) {
            User owner = users.findByEmail(admin.email())
                    .filter(u -> u.role() == Role.ADMIN)
                    .orElseGet(() -> users.search(null, Role.ADMIN, org.springframework.data.domain.Pageable.ofSize(1))
                            .getContent()
                            .getFirst());
            try {
                tokens.issueKnown(owner.id(), "SPORTELLO_API_TOKEN", apiToken.trim())
                        .ifPresent(t -> log.info(
                                "Created the automation API token for {} (from SPORTELLO_API_TOKEN)", owner.email()));
            } catch (DataIntegrityViolationException e) {
                log.info("The automation API token was created by another node");
            }
        }
    }

    private void createFirstAdmin(IdentityProperties.Admin admin) {
        boolean generated = admin.password() == null || admin.password().isBlank();
        String password = generated ? generatePassword() : admin.password();
        try {
            users.create(
                    new UserManagement.NewUser(admin.email(), admin.name(), Role.ADMIN, SupportedLocale.IT, password));
        } catch (ConflictException | DataIntegrityViolationException e) {
            // Another node starting at the same moment created the admin first: theirs stands.
            log.info("The first admin {} was created by another node", admin.email());
            return;
        }
        if (generated) {
            log.warn(
                    "Created the first admin {} with the generated password: {}  (shown only this once; change it after signing in)",
                    admin.email(),
                    password);
        } else {
            log.info("Created the first admin {}", admin.email());
        }
    }

    private static String generatePassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
