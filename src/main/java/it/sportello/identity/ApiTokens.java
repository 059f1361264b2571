package it.sportello.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import it.sportello.shared.NotFoundException;
import it.sportello.shared.PlainText;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issues, checks and revokes API tokens. Tokens carry 256 random bits, so a fast hash (SHA-256)
 * is enough to store them safely; a slow password hash would only slow down every API call.
 */
@Service
@Transactional
public class ApiTokens {

    private static final String PREFIX = "sp_";
    /** How stale "last used" may get: writing it on every call would turn every read into a write. */
    private static final Duration LAST_USED_GRANULARITY = Duration.ofMinutes(1);

    private final ApiTokenRepository tokens;
    private final UserRepository users;
    private final AuditLog audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final TransactionTemplate transactions;

    /**
     * How long a checked token is believed without asking the database again. Every API call
     * checks its token; a few seconds of trust takes that query (and its transaction) off the
     * hot path, at the price of a revocation reaching other nodes that much later.
     */
    static final Duration RECHECK_AFTER = Duration.ofSeconds(5);

    private final Cache<String, CurrentUser> recentlyChecked = Caffeine.newBuilder()
            .expireAfterWrite(RECHECK_AFTER)
            .maximumSize(10_000)
            .build();

    ApiTokens(
            ApiTokenRepository tokens,
            UserRepository users,
            AuditLog audit,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        this.transactions = new TransactionTemplate(transactionManager);
        this.tokens = tokens;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    /** A newly issued token: {@code secret} is shown to its owner once and never stored. */
    public record IssuedToken(ApiToken token, String secret) {}

    public IssuedToken issue(UserId owner, String name) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return issueWithSecret(
                owner, name, PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** Issues a token with a secret chosen by the operator (first-start automation); does nothing if it exists. */
    public Optional<IssuedToken> issueKnown(UserId owner, String name, String secret) {
        if (tokens.findByTokenHash(hash(secret)).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(issueWithSecret(owner, name, secret));
    }

    private IssuedToken issueWithSecret(UserId owner, String name, String secret) {
        User user = users.findById(owner.value()).orElseThrow(() -> new NotFoundException("User", owner.value()));
        ApiToken token = tokens.save(new ApiToken(
                owner,
                PlainText.line(name),
                hash(secret),
                secret.substring(0, Math.min(8, secret.length())),
                Instant.now(clock)));
        audit.record("token.created", "token:" + token.id(), "owner=" + user.email() + " name=" + token.name());
        return new IssuedToken(token, secret);
    }

    public void revoke(long tokenId) {
        ApiToken token = tokens.findById(tokenId).orElseThrow(() -> new NotFoundException("Token", tokenId));
        token.revoke(Instant.now(clock));
        forgetCheckedTokens();
        audit.record("token.revoked", "token:" + tokenId, token.name());
    }

    @Transactional(readOnly = true)
    public List<ApiToken> all() {
        return tokens.findAllByOrderByCreatedAtDesc();
    }

    /** One page of all tokens, newest first, for the admin's list. */
    @Transactional(readOnly = true)
    public Page<ApiToken> page(Pageable pageable) {
        return tokens.findAllByOrderByCreatedAtDescIdDesc(pageable);
    }

    @Transactional(readOnly = true)
    public ApiToken get(long tokenId) {
        return tokens.findById(tokenId).orElseThrow(() -> new NotFoundException("Token", tokenId));
    }

    /** The active user a presented token acts as; empty for an unknown or revoked token or an inactive owner. */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public Optional<CurrentUser> authenticate(String secret) {
        if (secret == null || secret.isBlank() || secret.length() > 200) {
            return Optional.empty();
        }
        String hash = hash(secret);
        CurrentUser known = recentlyChecked.getIfPresent(hash);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<CurrentUser> checked =
                transactions.execute(tx -> tokens.findActiveWithOwner(hash).map(found -> {
                    ApiToken token = found.token();
                    Instant now = Instant.now(clock);
                    if (token.lastUsedAt() == null || token.lastUsedAt().isBefore(now.minus(LAST_USED_GRANULARITY))) {
                        token.markUsed(now);
                    }
                    return found.owner().asCurrentUser();
                }));
        checked.ifPresent(owner -> recentlyChecked.put(hash, owner));
        return checked;
    }

    /**
     * Forgets every recently checked token on this node, so a revoked token or a changed user
     * takes effect here at once (other nodes follow within {@link #RECHECK_AFTER}).
     */
    public void forgetCheckedTokens() {
        recentlyChecked.invalidateAll();
    }

    static String hash(String secret) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
