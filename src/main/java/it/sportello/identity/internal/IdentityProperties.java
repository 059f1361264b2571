package it.sportello.identity.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * First-start bootstrap and sign-in protection, from the environment:
 * {@code SPORTELLO_ADMIN_EMAIL}, {@code SPORTELLO_ADMIN_PASSWORD}, {@code SPORTELLO_API_TOKEN}.
 */
@ConfigurationProperties("sportello")
record IdentityProperties(
        @DefaultValue Admin admin,
        String apiToken,
        @DefaultValue Login login) {

    /** The first admin, created when the desk has none. Without a password one is generated and logged once. */
    record Admin(
            @DefaultValue("admin@sportello.local") String email,
            String password,
            @DefaultValue("Amministratore") String name) {}

    /**
     * Failed sign-ins tolerated per account and per address within {@code window} before answering
     * 429; how long a signed-in session trusts its account's role and state before looking again.
     */
    record Login(
            @DefaultValue("5") int maxFailuresPerAccount,
            @DefaultValue("50") int maxFailuresPerAddress,
            @DefaultValue("15m") Duration window,
            @DefaultValue("5s") Duration sessionRecheck) {}
}
