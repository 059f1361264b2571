package it.sportello.identity;

import it.sportello.shared.SupportedLocale;
import it.sportello.shared.TooManyRequestsException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One-time sign-in links for portal customers: issued for an active customer account, usable
 * once, for a short time (15 minutes unless configured). A token carries 256 random bits and only
 * its SHA-256 hash is stored. Asking for a link for an address without an account gives the same
 * answer as for one with an account (nothing), so the caller can show everyone the same page.
 * The link is used with {@link SignIn#withMagicLink}.
 */
@Service
public class MagicLinks {

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
    /** Used and expired links are kept a day, for anyone looking into a complaint, then deleted. */
    private static final Duration KEEP_USED = Duration.ofDays(1);

    private final MagicLinkRepository links;
    private final UserRepository users;
    private final MagicLinkLimits limits;
    private final MagicLinkProperties properties;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    MagicLinks(
            MagicLinkRepository links,
            UserRepository users,
            MagicLinkLimits limits,
            MagicLinkProperties properties,
            Clock clock) {
        this.links = links;
        this.users = users;
        this.limits = limits;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * A link just issued, for the caller to send to {@code email} and forget: the token is in no
     * database and must never be logged ({@link #toString()} leaves it out).
     */
    public record Issued(String token, String email, String displayName, SupportedLocale locale, Instant expiresAt) {

        @Override
        public String toString() {
            return "Issued[email=" + email + ", expiresAt=" + expiresAt + "]";
        }
    }

    /**
     * A new link for the active customer account with this e-mail; empty when there is no such
     * account or the address has had its share of links for now (the caller cannot tell which).
     *
     * @throws TooManyRequestsException when the client address has asked for too many links
     */
    @Transactional
    public Optional<Issued> issue(String email, String clientAddress) {
        if (!limits.tryAddress(clientAddress)) {
            throw new TooManyRequestsException("Too many sign-in links asked for from this address", limits.window());
        }
        if (email == null || email.isBlank() || !limits.tryEmail(email)) {
            return Optional.empty();
        }
        Instant now = Instant.now(clock);
        links.deleteExpiredBefore(now.minus(KEEP_USED));
        return users.findByEmail(User.normaliseEmail(email))
                .filter(MagicLinks::mayUseLinks)
                .map(user -> {
                    String token = newToken();
                    Instant expiresAt = now.plus(properties.lifetime());
                    links.save(new MagicLink(user.id(), hash(token), now, expiresAt));
                    return new Issued(token, user.email(), user.displayName(), user.locale(), expiresAt);
                });
    }

    /** How long a link works after it was issued. */
    public Duration lifetime() {
        return properties.lifetime();
    }

    /** Whether the token would sign someone in now; looking does not use it up. */
    @Transactional(readOnly = true)
    public boolean isUsable(String token) {
        Instant now = Instant.now(clock);
        return wellFormed(token)
                && links.findByTokenHash(hash(token))
                        .filter(link -> link.usableAt(now))
                        .flatMap(link -> users.findById(link.user().value()))
                        .filter(MagicLinks::mayUseLinks)
                        .isPresent();
    }

    /** Uses the token up and returns whom it signs in; empty when it is unknown, used or expired. */
    @Transactional
    Optional<User> redeem(String token) {
        if (!wellFormed(token)) {
            return Optional.empty();
        }
        String hash = hash(token);
        if (links.use(hash, Instant.now(clock)) != 1) {
            return Optional.empty();
        }
        return links.findByTokenHash(hash)
                .flatMap(link -> users.findById(link.user().value()))
                .filter(MagicLinks::mayUseLinks);
    }

    /** Links sign in customers only: staff accounts keep to their password (and its throttle). */
    private static boolean mayUseLinks(User user) {
        return user.active() && user.role() == Role.CUSTOMER;
    }

    private static boolean wellFormed(String token) {
        return token != null && TOKEN.matcher(token).matches();
    }

    private String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
