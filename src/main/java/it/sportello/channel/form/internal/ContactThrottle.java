package it.sportello.channel.form.internal;

import it.sportello.shared.Allowance;
import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/** Counts contact-form submissions per client address, so one machine cannot flood the inbox. */
@Component
@EnableConfigurationProperties(ContactFormLimits.class)
public class ContactThrottle {

    private final Allowance perAddress;

    ContactThrottle(ContactFormLimits limits, Clock clock) {
        this.perAddress = new Allowance(limits.maxPerAddress(), limits.window(), clock);
    }

    /** Takes one submission from this address's allowance; false when it is used up. */
    public boolean tryAcquire(String address) {
        return perAddress.tryTake(address);
    }

    public Duration window() {
        return perAddress.window();
    }
}
