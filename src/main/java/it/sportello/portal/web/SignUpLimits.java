package it.sportello.portal.web;

import it.sportello.shared.Allowance;
import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * How many sign-ups one client address may try within the configured window, so nobody can mass
 * create accounts or test many addresses for an existing account.
 */
@Component
class SignUpLimits {

    private final Allowance perAddress;

    SignUpLimits(PortalSettings settings, Clock clock) {
        this.perAddress = new Allowance(settings.maxSignUpsPerAddress(), settings.signUpWindow(), clock);
    }

    /** Takes one sign-up from the address's allowance; false when it has none left. */
    boolean tryAddress(String address) {
        return perAddress.tryTake(address);
    }
}
