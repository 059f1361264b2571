package it.sportello.identity.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins per account and per client address and says when to stop listening.
 * Counts live in memory, per node: behind a load balancer an attacker gets at most one allowance
 * per node, which still turns guessing into a crawl.
 */
@Component
class LoginThrottle {

    private final Cache<String, AtomicInteger> failures;
    private final IdentityProperties.Login limits;

    LoginThrottle(IdentityProperties properties) {
        this.limits = properties.login();
        this.failures = Caffeine.newBuilder()
                .expireAfterWrite(limits.window())
                .maximumSize(100_000)
                .build();
    }

    boolean isBlocked(String account, String address) {
        return count(accountKey(account)) >= limits.maxFailuresPerAccount()
                || count(addressKey(address)) >= limits.maxFailuresPerAddress();
    }

    boolean isAddressBlocked(String address) {
        return count(addressKey(address)) >= limits.maxFailuresPerAddress();
    }

    void recordFailure(String account, String address) {
        if (account != null) {
            failures.get(accountKey(account), k -> new AtomicInteger()).incrementAndGet();
        }
        failures.get(addressKey(address), k -> new AtomicInteger()).incrementAndGet();
    }

    void recordSuccess(String account) {
        failures.invalidate(accountKey(account));
    }

    java.time.Duration window() {
        return limits.window();
    }

    private int count(String key) {
        AtomicInteger count = failures.getIfPresent(key);
        return count == null ? 0 : count.get();
    }

    private static String accountKey(String account) {
        return "account:" + (account == null ? "" : account.trim().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}
