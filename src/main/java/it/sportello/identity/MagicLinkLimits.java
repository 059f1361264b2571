package it.sportello.identity;

import it.sportello.shared.Allowance;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * How many sign-in links may be asked for, per recipient and per client address, within the
 * configured window (on the desk's clock, in memory per node, like the sign-in throttle).
 */
@Component
class MagicLinkLimits {

    private final Allowance perAddress;
    private final Allowance perEmail;

    MagicLinkLimits(MagicLinkProperties properties, Clock clock) {
        this.perAddress = new Allowance(properties.maxPerAddress(), properties.window(), clock);
        this.perEmail = new Allowance(properties.maxPerEmail(), properties.window(), clock);
    }

    /** Takes one request from the client address's allowance; false when it has none left. */
    boolean tryAddress(String address) {
        return perAddress.tryTake(address);
    }

    /** Takes one link from the recipient's allowance; false when it has none left. */
    boolean tryEmail(String email) {
        return perEmail.tryTake(email.trim().toLowerCase(Locale.ROOT));
    }

    Duration window() {
        return perAddress.window();
    }
}
